import type { PageQuery } from '../../contracts/common.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { JobFailureTable } from '../../db/schema-jobs.ts';
import { summariseJobError } from '../../domain/jobs/error-summary.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, makeContext, type OrgContext } from '../context.ts';
import { organisationRef } from '../organisations/index.ts';
import { type JobDeps, jobByName, jobCatalogue } from './jobs.catalogue.ts';
import { localJobQueue } from './jobs.local.ts';
import { authorizeOperator, type OperatorCaller } from './jobs.operators.ts';
import { pgBossJobQueue } from './jobs.pgboss.ts';
import type { JobQueue } from './jobs.queue.ts';
import * as repo from './jobs.repository.ts';
import { attempt, runForOrganisation } from './jobs.runner.ts';

/** The queue for this instance: pg-boss on PostgreSQL (shared by every instance), in-process on SQLite. */
export function createJobQueue(deps: JobDeps, databaseUrl: string | undefined): JobQueue {
  const options = { deps, jobs: jobCatalogue };
  return deps.kind === 'postgres' && databaseUrl
    ? pgBossJobQueue(options, databaseUrl)
    : localJobQueue(options);
}

/** The catalogue as an operator reads it: `closeloop jobs list`. */
export const listJobs = () =>
  jobCatalogue.map(({ name, summary, cron, scope }) => ({ name, summary, cron, scope }));

/** Runs one job now in this process (`closeloop jobs run`); one attempt, a failure is a dead letter. */
export async function runJobNow(name: string, deps: JobDeps) {
  const def = jobByName(name);
  if (!def) throw new AppError('not_found', `no job named '${name}' (closeloop jobs list shows them)`);
  return attempt(def, deps, { attempt: 1, attempts: 1 });
}

/** Every dead letter, newest first, with its whole stored error (`closeloop jobs failed`, on the server). */
export async function listFailedJobs(db: Db, limit = 50) {
  return (await repo.listAllJobFailures(db, limit)).map((r) => ({
    id: r.id,
    job: r.job,
    organisationId: r.organisation_id,
    error: r.error,
    attempts: r.attempts,
    failedAt: r.failed_at,
  }));
}

/** A dead letter as a page shows it: the error's first line with credentials hidden. */
const presentFailure = (r: JobFailureTable) => ({
  id: r.id,
  job: r.job,
  summary: jobByName(r.job)?.summary ?? 'a job no longer in the catalogue',
  error: summariseJobError(r.error),
  attempts: r.attempts,
  failedAt: r.failed_at,
});

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

type Outcome = { id: string; job: string; outcome: 'succeeded' | 'failed'; error: string | null };

/** The organisation's dead letters (its reminders, digests, daily figures), newest first. */
export async function listOrganisationFailedJobs(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'job.read');
  const { rows, total } = await repo.listJobFailures(ctx.db, ctx.organisation.id, input);
  return { items: rows.map(presentFailure), page: input.page, pageSize: input.pageSize, total };
}

/**
 * Runs the organisation's part of a failed job once more. Succeeded: the dead letter is removed; failed
 * again: it keeps the new error and counts the attempt. Either way the retry is on the audit trail.
 */
export async function retryOrganisationFailedJob(
  input: { failureId: string },
  ctx: OrgContext,
): Promise<Outcome> {
  authorize(ctx, 'job.retry');
  const row = await repo.ownedJobFailure(ctx.db, ctx.organisation.id, input.failureId);
  if (!row) throw notFound('failed job');
  const def = jobByName(row.job);
  if (def?.scope !== 'organisation')
    throw new AppError('conflict', `'${row.job}' is no longer an organisation job of this version`);
  let error: string | null = null;
  try {
    await runForOrganisation(
      def,
      { db: ctx.db, kind: ctx.kind, env: ctx.env, now: ctx.now },
      ctx.organisation,
    );
  } catch (err) {
    error = messageOf(err);
  }
  const outcome = error === null ? 'succeeded' : 'failed';
  await inTransaction(ctx, async (tx) => {
    if (error === null) await repo.deleteJobFailure(tx.db, tx.organisation.id, row.id);
    else
      await repo.markRetryFailed(tx.db, tx.organisation.id, row.id, {
        error,
        failedAt: tx.now().toISOString(),
      });
    await tx.audit({
      action: 'job.retried',
      entityType: 'job_failure',
      entityId: row.id,
      data: { job: row.job, outcome, ...(error === null ? {} : { error: summariseJobError(error) }) },
    });
  });
  return { id: row.id, job: row.job, outcome, error: error && summariseJobError(error) };
}

/** An instance operator's call: who asks (checked again here), and what a job may use. */
export interface OperatorCall {
  caller: OperatorCaller;
  deps: JobDeps;
}

/** The instance's own dead letters (clean-up, the webhook sweep, posture refresh): operators only. */
export async function listInstanceFailedJobs(input: PageQuery, call: OperatorCall) {
  await authorizeOperator(call.caller, call.deps);
  const { rows, total } = await repo.listJobFailures(call.deps.db, null, input);
  return { items: rows.map(presentFailure), page: input.page, pageSize: input.pageSize, total };
}

/** Runs an instance job once more; the server log records who retried what and the outcome. */
export async function retryInstanceFailedJob(input: { failureId: string }, call: OperatorCall) {
  await authorizeOperator(call.caller, call.deps);
  const { deps } = call;
  const row = await repo.ownedJobFailure(deps.db, null, input.failureId);
  if (!row) throw notFound('failed job');
  return retryInstanceRow(row, deps, call.caller.email);
}

async function retryInstanceRow(row: JobFailureTable, deps: JobDeps, by: string): Promise<Outcome> {
  const def = jobByName(row.job);
  if (def?.scope !== 'instance')
    throw new AppError('conflict', `'${row.job}' is no longer an instance job of this version`);
  let error: string | null = null;
  try {
    await def.run(deps);
  } catch (err) {
    error = messageOf(err);
  }
  if (error === null) await repo.deleteJobFailure(deps.db, null, row.id);
  else await repo.markRetryFailed(deps.db, null, row.id, { error, failedAt: deps.now().toISOString() });
  const outcome = error === null ? 'succeeded' : 'failed';
  deps.log.info({ job: row.job, failure: row.id, by, outcome }, 'dead letter retried');
  return { id: row.id, job: row.job, outcome, error: error && summariseJobError(error) };
}

/**
 * `closeloop jobs retry ID` on the server: an organisation's dead letter goes through the same use-case
 * as its admins' button (with the CLI as actor, on that organisation's audit trail); an instance one runs
 * its job once more.
 */
export async function retryFailedJob(id: string, deps: JobDeps): Promise<Outcome> {
  const row = await repo.jobFailure(deps.db, id);
  if (!row) throw new AppError('not_found', `no failed job with id '${id}'`);
  if (row.organisation_id === null) return retryInstanceRow(row, deps, 'cli');
  const org = await organisationRef(deps.db, row.organisation_id);
  if (!org) throw new AppError('not_found', `no failed job with id '${id}'`);
  const ctx = makeContext({ kind: 'cli' }, org, deps);
  return retryOrganisationFailedJob({ failureId: id }, ctx);
}
