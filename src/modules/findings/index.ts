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
export { escalationFor } from './escalation.service.ts';
export { type FindingRow, presentFinding, requirementsOf } from './findings.presenter.ts';
export {
  existingRefs,
  type FindingEventRow,
  type FindingFilter,
  type FindingRecordRow,
  findFinding,
  hasEvent,
  implementerIds,
  listEvents,
  listFindingRows,
  presentedFinding,
} from './findings.read.ts';
export {
  calendarOf,
  createFinding,
  deadlinesFor,
  insertFindingRow,
  insertFindingRows,
  listFindings,
  normaliseRequirements,
} from './findings.service.ts';
export {
  addEffectivenessReview,
  amendEffectivenessReview,
  type FindingPatch,
  recordFindingEvent,
  saveFindingFields,
} from './findings.writes.ts';
