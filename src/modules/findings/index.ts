// Public face of the findings module: other modules, src/http, src/cli and src/demo import only this file.
export {
  asDomain as asDomainReview,
  current as currentReview,
  effectivenessStateOf,
  effectivenessSummaries,
  getEffectiveness,
  reviewRecords,
  viewOf,
} from './effectiveness.read.ts';
export { insertReview, updateReview } from './effectiveness.repository.ts';
export { escalationFor } from './escalation.service.ts';
export { findEvent, implementerIds, insertEvent, listEvents } from './events.repository.ts';
export { type FindingRow, presentFinding, requirementsOf } from './findings.presenter.ts';
export { presentedFinding } from './findings.read.ts';
export {
  existingRefs,
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
  insertFindingRows,
  listFindings,
  normaliseRequirements,
} from './findings.service.ts';
