// Public face of the jobs module (issue #17): the background work of every instance and its dead letters.
export { type JobDeps, jobNames } from './jobs.catalogue.ts';
export { isInstanceOperator, type OperatorCaller } from './jobs.operators.ts';
export type { JobQueue } from './jobs.queue.ts';
export {
  createJobQueue,
  listFailedJobs,
  listJobs,
  retryFailedJob,
  runJobNow,
} from './jobs.service.ts';
