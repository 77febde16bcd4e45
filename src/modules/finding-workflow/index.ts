// Public face of the finding-workflow module: other modules, src/http, src/cli and src/demo import only this file.
// The finding as people work on it: its detail (record, actions, evidence, timeline) and its lifecycle
// moves and comments. It composes findings, corrective actions, evidence and mentions, which know nothing of it.
export { getFindingDetail } from './detail.service.ts';
export { addComment, transitionFinding } from './transitions.service.ts';
