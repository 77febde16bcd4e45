import type { Kysely } from 'kysely';

// Recorded posture figures (issue #6): one row per change of the figures and one per day, each with the
// model version it was computed with, so a trend never mixes figures of two model versions unawares.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('posture_snapshot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisation.id').onDelete('cascade'),
    )
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_on', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('alignment', 'real', (c) => c.notNull())
    .addColumn('posture', 'integer', (c) => c.notNull())
    .addColumn('open_findings', 'integer', (c) => c.notNull())
    .addColumn('areas_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('posture_snapshot_org_at_idx')
    .on('posture_snapshot')
    .columns(['organisation_id', 'recorded_at'])
    .execute();
}
