import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type { PageQuery } from '../../contracts/common.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';

// The jobs module's SQL: dead letters of failed jobs. A dead letter of one organisation's work names the
// organisation (its admins read it, always filtered by it); the instance's own jobs have none (operators).

/** Whose dead letters: one organisation's, or the instance's own (`null`). */
export type FailureOwner = string | null;

const ownedBy = (owner: FailureOwner) => (eb: ExpressionBuilder<Database, 'job_failure'>) =>
  owner === null ? eb('organisation_id', 'is', null) : eb('organisation_id', '=', owner);

export async function recordJobFailure(
  db: Db,
  row: {
    job: string;
    data: unknown;
    error: string;
    attempts: number;
    failedAt: string;
    organisationId: FailureOwner;
  },
) {
  const id = randomUUID();
  await db
    .insertInto('job_failure')
    .values({
      id,
      job: row.job,
      data: JSON.stringify(row.data ?? {}),
      error: row.error.slice(0, 2000),
      attempts: row.attempts,
      failed_at: row.failedAt,
      organisation_id: row.organisationId,
    })
    .execute();
  return id;
}

/** Every dead letter, newest first (the operator's `closeloop jobs failed` on the server). */
export async function listAllJobFailures(db: Db, limit: number) {
  return db
    .selectFrom('job_failure')
    .selectAll()
    .orderBy('failed_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** One owner's dead letters, newest first, a page at a time. */
export async function listJobFailures(db: Db, owner: FailureOwner, page: PageQuery) {
  const base = db.selectFrom('job_failure').where(ownedBy(owner));
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('failed_at', 'desc')
    .orderBy('id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** A dead letter by id, any owner (the CLI); the pages use `ownedJobFailure`. */
export async function jobFailure(db: Db, id: string) {
  return db.selectFrom('job_failure').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function ownedJobFailure(db: Db, owner: FailureOwner, id: string) {
  return db
    .selectFrom('job_failure')
    .selectAll()
    .where('id', '=', id)
    .where(ownedBy(owner))
    .executeTakeFirst();
}

/** A retry that failed again: the dead letter keeps the latest error and counts the attempt. */
export async function markRetryFailed(
  db: Db,
  owner: FailureOwner,
  id: string,
  row: { error: string; failedAt: string },
) {
  await db
    .updateTable('job_failure')
    .set((eb) => ({
      error: row.error.slice(0, 2000),
      failed_at: row.failedAt,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .where(ownedBy(owner))
    .execute();
}

export async function deleteJobFailure(db: Db, owner: FailureOwner, id: string) {
  await db.deleteFrom('job_failure').where('id', '=', id).where(ownedBy(owner)).execute();
}
