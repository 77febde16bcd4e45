// Public face of the information security objectives (6.2): others import only this file.
export { objectivesAsOf } from './objectives.read.ts';
export {
  createObjective,
  listObjectives,
  recordObjectiveResult,
  updateObjective,
} from './objectives.service.ts';
