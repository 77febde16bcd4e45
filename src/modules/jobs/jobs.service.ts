import { AppError } from '../../contracts/errors.ts';
import type { Db } from '../../db/connection.ts';
import { type JobDeps, jobByName, jobCatalogue } from './jobs.catalogue.ts';
import { localJobQueue } from './jobs.local.ts';
import { pgBossJobQueue } from './jobs.pgboss.ts';
import type { JobQueue } from './jobs.queue.ts';
import * as repo from './jobs.repository.ts';
import { attempt } from './jobs.runner.ts';

/** The queue for this instance: pg-boss on PostgreSQL (shared by every instance), in-process on SQLite. */
export function createJobQueue(deps: JobDeps, databaseUrl: string | undefined): JobQueue {
  const options = { deps, jobs: jobCatalogue };
  return deps.kind === 'postgres' && databaseUrl
    ? pgBossJobQueue(options, databaseUrl)
    : localJobQueue(options);
}

/** The catalogue as an operator reads it: `closeloop jobs list`. */
export const listJobs = () => jobCatalogue.map(({ name, summary, cron }) => ({ name, summary, cron }));

/** Runs one job now in this process (`closeloop jobs run`); one attempt, a failure is a dead letter. */
export async function runJobNow(name: string, deps: JobDeps) {
  const def = jobByName(name);
  if (!def) throw new AppError('not_found', `no job named '${name}' (closeloop jobs list shows them)`);
  return attempt(def, deps, { attempt: 1, attempts: 1 });
}

/** The dead letters, newest first (`closeloop jobs failed`). */
export async function listFailedJobs(db: Db, limit = 50) {
  return (await repo.listJobFailures(db, limit)).map((r) => ({
    id: r.id,
    job: r.job,
    error: r.error,
    attempts: r.attempts,
    failedAt: r.failed_at,
  }));
}

/** Runs a dead letter's job again; on success the dead letter is removed (`closeloop jobs retry ID`). */
export async function retryFailedJob(id: string, deps: JobDeps) {
  const row = await repo.jobFailure(deps.db, id);
  if (!row) throw new AppError('not_found', `no failed job with id '${id}'`);
  const result = await runJobNow(row.job, deps);
  await repo.deleteJobFailure(deps.db, id);
  return result;
}
