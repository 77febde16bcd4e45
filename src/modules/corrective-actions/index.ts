// Public face of the corrective-actions module: other modules, src/http, src/cli and src/demo import only this file.
export { presentAction, presentAmendment, presentRecord } from './corrective-actions.presenter.ts';
export {
  type ActionRow,
  actionOf,
  actionsOf,
  amendmentsOf,
  recordOf,
  type StoredRecord,
} from './corrective-actions.read.ts';
export {
  addAction,
  addAmendment,
  noteEdit,
  saveRecordFields,
  updateAction,
  updateRecord,
} from './corrective-actions.service.ts';
