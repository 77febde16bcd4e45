// Public face of the posture module: other modules, src/http, src/cli and src/demo import only this file.
export {
  markChanged,
  REFRESH_PERIOD_MS,
  recordDailySnapshotFor,
  recordDailySnapshots,
  recordSnapshot,
  refreshChangedPostures,
  replayHistory,
} from './posture.history.ts';
export { loadPostureInput } from './posture.inputs.ts';
export { scoresForReview } from './posture.read.ts';
export { getPosture } from './posture.service.ts';
