import type { JobDefinition, JobDeps } from './jobs.catalogue.ts';

/**
 * Where background work runs. `start` schedules the catalogue's cron jobs and starts working; `runNow`
 * queues one run of a job (the CLI's `jobs run`, a test); `stop` stops taking work and waits for the jobs
 * that are running (SIGTERM), so an instance leaves nothing half done.
 */
export interface JobQueue {
  readonly driver: 'in-process' | 'pg-boss';
  start(): Promise<void>;
  runNow(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface QueueOptions {
  deps: JobDeps;
  jobs: readonly JobDefinition[];
}
