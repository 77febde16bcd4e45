// Public face of the reports module: other modules, src/http, src/cli and src/demo import only this file.
export { buildAuditReport, reportKinds } from './audit-reports.ts';
export { presentedCapRevision } from './cap.read.ts';
export { approveCap, capRevisions, submitCap } from './cap.service.ts';
export { buildEvidencePackage } from './evidence-package.ts';
