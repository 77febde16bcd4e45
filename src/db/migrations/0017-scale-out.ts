import type { Kysely } from 'kysely';

// Issue #17, several instances on one database:
// - job_failure: the dead-letter record of background jobs that failed after their last retry, the same on
//   both engines (pg-boss keeps its own job tables in the `pgboss` schema; this is what an operator reads).
// - rate_limit_hit: fixed-window counters shared by every instance, so N instances do not give N times the
//   allowance for sign-in, reset, trust-page visitors and share links.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_failure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('error', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_failure_failed_at').on('job_failure').column('failed_at').execute();
  await db.schema
    .createTable('rate_limit_hit')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hit_expires').on('rate_limit_hit').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_hit').execute();
  await db.schema.dropTable('job_failure').execute();
}
