// Public face of the reports module: other modules, src/http, src/cli and src/demo import only this file.
export { buildAuditReport } from './audit-reports.ts';
