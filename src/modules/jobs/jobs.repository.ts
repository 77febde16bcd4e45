import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.ts';

// The jobs module's SQL: dead letters of failed jobs. The table is instance-wide, not one organisation's:
// it holds job names and error messages, no organisation data.

export async function recordJobFailure(
  db: Db,
  row: { job: string; data: unknown; error: string; attempts: number; failedAt: string },
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
    })
    .execute();
  return id;
}

export async function listJobFailures(db: Db, limit: number) {
  return db
    .selectFrom('job_failure')
    .selectAll()
    .orderBy('failed_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function jobFailure(db: Db, id: string) {
  return db.selectFrom('job_failure').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteJobFailure(db: Db, id: string) {
  await db.deleteFrom('job_failure').where('id', '=', id).execute();
}
