import type { Kysely } from 'kysely';

// Submitted revisions of a Corrective Action Plan (issue #14): one row per submission, numbered 1, 2, …
// per audit, holding the report exactly as submitted so that regenerating it never changes it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cap_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisation.id').onDelete('cascade'),
    )
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audit.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('submitted_by_user_id', 'text')
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('approved_by_user_id', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('document_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('cap_revision_number', ['organisation_id', 'audit_id', 'number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cap_revision').execute();
}
