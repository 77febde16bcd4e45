// Public face of the audits module: other modules, src/http, src/cli and src/demo import only this file.
export { type AuditRow, auditByRef, auditsFollowingPolicy } from './audits.read.ts';
export { certificationRiskDates, createAudit, listAudits, showAudit } from './audits.service.ts';
export { type AuditFields, type AuditPatch, amendAudit, openAudit } from './audits.writes.ts';
