// Public face of the findings module: other modules, src/http, src/cli and src/demo import only this file.
<<<<<<< HEAD
export { type AuditFigures, auditFigures } from './audit-figures.repository.ts';
export { implementerIds, insertEvent, listEvents } from './events.repository.ts';
=======
export { findEvent, implementerIds, insertEvent, listEvents } from './events.repository.ts';
>>>>>>> main
export { type FindingRow, presentFinding, requirementsOf } from './findings.presenter.ts';
export {
  findFinding,
  findFindingByRef,
  listFindings as listFindingRows,
  updateFinding,
} from './findings.repository.ts';
export {
  calendarOf,
  createFinding,
  deadlinesFor,
  insertFindingRow,
  listFindings,
  normaliseRequirements,
} from './findings.service.ts';
