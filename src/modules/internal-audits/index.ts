// Public face of the internal-audits module: other modules, src/http, src/cli and src/demo import only this file.
export { raiseFinding, recordCheck } from './checks.service.ts';
export { programmeBetween } from './internal-audits.read.ts';
export { auditProgramme, planInternalAudit, showInternalAudit } from './internal-audits.service.ts';
