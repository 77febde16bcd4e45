import type { Kysely } from 'kysely';

// Issue #17, dead letters in the browser: a failed job that did one organisation's work (its reminders,
// digests, daily figures) names that organisation, so that organisation's admins see and retry it; a job
// of the instance itself (clean-up, the webhook sweep, posture refresh) keeps `organisation_id` null and
// is shown to the instance operators (CLOSELOOP_OPERATORS) only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('job_failure')
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('job_failure_organisation')
    .on('job_failure')
    .columns(['organisation_id', 'failed_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('job_failure_organisation').execute();
  await db.schema.alterTable('job_failure').dropColumn('organisation_id').execute();
}
