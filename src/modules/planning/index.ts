// Public face of the planning module: other modules, src/http, src/cli and src/demo import only this file.
export { addTimeOff, setCapacity } from './people.service.ts';
export { ASSUMED_EFFORT_DAYS, getPlan, loadPlanData, runForecast } from './plan.service.ts';
export {
  type PlannedAction,
  type PlannedDependency,
  type PlannedFreeTask,
  type PlanTaskRef,
  plannedWork,
  taskById,
} from './planning.read.ts';
export { createScenario } from './scenarios.service.ts';
export { addDependency, createTask, updateTask } from './tasks.service.ts';
export { createTeam } from './teams.service.ts';
