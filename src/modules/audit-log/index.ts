// Public face of the audit-log module: other modules, src/http, src/cli and src/demo import only this file.

export { lastAuditedChange } from './audit-log.read.ts';
export { verifyOrganisationTrail } from './audit-log.service.ts';
