// Public face of the audits module: other modules, src/http, src/cli and src/demo import only this file.
export { auditsFollowingPolicy, findAuditByRef, insertAudit, updateAudit } from './audits.repository.ts';
export { certificationRiskDates, createAudit, listAudits, showAudit } from './audits.service.ts';
