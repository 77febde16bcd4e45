// Public face of the corrective-actions module: other modules, src/http, src/cli and src/demo import only this file.
export { presentAction, presentAmendment, presentRecord } from './corrective-actions.presenter.ts';
export {
  findAction,
  findRecord,
  listActions,
  listAmendments,
  updateRecord as updateRecordRow,
} from './corrective-actions.repository.ts';
export {
  addAction,
  addAmendment,
  noteEdit,
  updateAction,
  updateRecord,
} from './corrective-actions.service.ts';
