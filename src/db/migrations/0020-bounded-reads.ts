import { type Kysely, sql } from 'kysely';

// Reads bounded by what they return (issue #16): indexes that match the list endpoints' sort orders, a
// row per (finding, requirement) so escalation warnings are computed by indexed SQL for the page asked
// for, and the organisations whose derived figures (the posture trend) a background job must refresh.

const BACKFILL_BATCH = 500;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('finding_requirement')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('finding_id', 'text', (c) => c.notNull().references('finding.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('finding_requirement_pk', ['organisation_id', 'requirement', 'finding_id'])
    .execute();
  await db.schema
    .createIndex('finding_requirement_finding_idx')
    .on('finding_requirement')
    .column('finding_id')
    .execute();
  await backfillRequirements(db);

  await db.schema
    .createTable('derived_dirty')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addColumn('ran_at', 'text')
    .execute();

  // One index per sort order of the findings list (ties broken by id), and the filters it offers.
  const findingIndexes: [string, string[]][] = [
    ['finding_org_ref_idx', ['organisation_id', 'ref', 'id']],
    ['finding_org_grade_idx', ['organisation_id', 'grade', 'status', 'id']],
    ['finding_org_status_id_idx', ['organisation_id', 'status', 'id']],
    ['finding_org_cap_idx', ['organisation_id', 'cap_due_on', 'id']],
    ['finding_org_close_idx', ['organisation_id', 'close_by_on', 'id']],
    ['finding_org_updated_idx', ['organisation_id', 'updated_at', 'id']],
    ['finding_org_audit_idx', ['organisation_id', 'audit_id', 'ref']],
    ['finding_org_owner_idx', ['organisation_id', 'owner_user_id']],
  ];
  for (const [name, columns] of findingIndexes)
    await db.schema.createIndex(name).on('finding').columns(columns).execute();
  await db.schema
    .createIndex('finding_org_area_idx')
    .on('finding')
    .columns(['organisation_id'])
    .expression(sql`lower(trim(area))`)
    .execute();
  await db.schema
    .createIndex('audit_org_created_idx')
    .on('audit')
    .columns(['organisation_id', 'created_at', 'ref'])
    .execute();
  await db.schema
    .createIndex('corrective_action_org_due_idx')
    .on('corrective_action')
    .columns(['organisation_id', 'status', 'due_on'])
    .execute();
}

async function backfillRequirements(db: Kysely<unknown>) {
  const q = db as unknown as Kysely<{
    finding: { id: string; organisation_id: string; requirements_json: string };
    finding_requirement: { organisation_id: string; requirement: string; finding_id: string };
  }>;
  let after = '';
  for (;;) {
    const rows = await q
      .selectFrom('finding')
      .select(['id', 'organisation_id', 'requirements_json'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BACKFILL_BATCH)
      .execute();
    if (rows.length === 0) return;
    const values = rows.flatMap((r) =>
      [...new Set(JSON.parse(r.requirements_json) as string[])].map((requirement) => ({
        organisation_id: r.organisation_id,
        requirement,
        finding_id: r.id,
      })),
    );
    if (values.length > 0) await q.insertInto('finding_requirement').values(values).execute();
    after = rows.at(-1)!.id;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'corrective_action_org_due_idx',
    'audit_org_created_idx',
    'finding_org_area_idx',
    'finding_org_owner_idx',
    'finding_org_audit_idx',
    'finding_org_updated_idx',
    'finding_org_close_idx',
    'finding_org_cap_idx',
    'finding_org_status_id_idx',
    'finding_org_grade_idx',
    'finding_org_ref_idx',
  ])
    await db.schema.dropIndex(name).execute();
  await db.schema.dropTable('derived_dirty').execute();
  await db.schema.dropTable('finding_requirement').execute();
}
