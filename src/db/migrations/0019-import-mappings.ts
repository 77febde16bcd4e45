import type { Kysely } from 'kysely';

// The column mapping of a certification body's nonconformity reports, remembered per organisation and
// certification body (issue #19): the next report from that CB is read with the same headers. Corrective
// actions already carry their effort (0003 effort_days), so this migration adds only this table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_mapping')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisation.id').onDelete('cascade'),
    )
    /** The certification body's name, normalised (lower case, single spaces). */
    .addColumn('certification_body', 'text', (c) => c.notNull())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mapping_pk', ['organisation_id', 'certification_body'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_mapping').execute();
}
