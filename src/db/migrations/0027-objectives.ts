import type { Kysely } from 'kysely';

// Issue #13, information security objectives (ISO/IEC 27001:2022 6.2): each objective with its indicator
// and target (6.2 b), what will be done, the resources, who is responsible, when it is due and how the
// results are evaluated; and the results recorded over time (6.2 d, kept as documented information).
// A result belongs to its objective: an objective with results is withdrawn, not deleted (the service
// refuses), so the cascade only serves the organisation's own deletion.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('isms_objective')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisation.id').onDelete('cascade'),
    )
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('resources', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_on', 'text')
    .addColumn('evaluation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('isms_objective_ref', ['organisation_id', 'ref'])
    .execute();
  await db.schema
    .createTable('isms_objective_result')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisation.id').onDelete('cascade'),
    )
    .addColumn('objective_id', 'text', (c) => c.notNull().references('isms_objective.id').onDelete('cascade'))
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  // The latest results of an objective, newest first: the read every page and the review make.
  await db.schema
    .createIndex('isms_objective_result_latest')
    .on('isms_objective_result')
    .columns(['organisation_id', 'objective_id', 'measured_on', 'recorded_at'])
    .execute();
}
