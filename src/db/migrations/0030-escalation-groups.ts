import { type Kysely, sql } from 'kysely';

// Issue #16: the systemic-minor warnings (open minors of one certification cycle sharing a requirement or a
// process) counted every member of a group by reading each finding and its audit: at 30,000 findings, 350 ms
// of a page. The derived rows now carry what a group is read by — open minor or not, the audit's cycle,
// the ref the first members are named in — so an index range gives both the count and the first few.
// The finished statuses are the ones this migration was written against (src/vocabulary/statuses.ts);
// the findings repository keeps the rows in step from then on.
const FINISHED = ['closed', 'declined', 'noted'];
const BATCH = 500;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [column, type, fallback] of [
    ['open_minor', 'integer', 0],
    ['cycle_key', 'text', ''],
    ['ref', 'text', ''],
  ] as const)
    await db.schema
      .alterTable('finding_requirement')
      .addColumn(column, type, (c) => c.notNull().defaultTo(fallback))
      .execute();
  await db.schema
    .createTable('finding_area')
    .addColumn('finding_id', 'text', (c) => c.primaryKey().references('finding.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('area_key', 'text', (c) => c.notNull())
    .addColumn('open_minor', 'integer', (c) => c.notNull())
    .addColumn('cycle_key', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .execute();

  interface Source {
    id: string;
    organisation_id: string;
    grade: string;
    status: string;
    area: string;
    ref: string;
    cycle_key: string;
  }
  const q = db as unknown as Kysely<{ finding_area: Record<string, string | number> }>;
  let after = '';
  for (;;) {
    const { rows } = await sql<Source>`select f.id, f.organisation_id, f.grade, f.status, f.area, f.ref,
         coalesce(nullif(a.cycle, ''), a.id) as cycle_key
       from finding f join audit a on a.id = f.audit_id
       where f.id > ${after} order by f.id limit ${BATCH}`.execute(q);
    if (rows.length === 0) break;
    const derived = rows.map((f) => ({
      finding_id: f.id,
      organisation_id: f.organisation_id,
      // As the findings repository computes it (JavaScript's lower case, not SQL's ASCII-only one).
      area_key: f.area.trim().toLowerCase(),
      open_minor: f.grade === 'minor' && !FINISHED.includes(f.status) ? 1 : 0,
      cycle_key: f.cycle_key,
      ref: f.ref,
    }));
    await q.insertInto('finding_area').values(derived).execute();
    after = rows.at(-1)!.id;
  }
  await sql`
    update finding_requirement set
      open_minor = (select fa.open_minor from finding_area fa where fa.finding_id = finding_requirement.finding_id),
      cycle_key = (select fa.cycle_key from finding_area fa where fa.finding_id = finding_requirement.finding_id),
      ref = (select fa.ref from finding_area fa where fa.finding_id = finding_requirement.finding_id)
  `.execute(db);
  await db.schema
    .createIndex('finding_requirement_group_idx')
    .on('finding_requirement')
    .columns(['organisation_id', 'requirement', 'open_minor', 'cycle_key', 'ref', 'finding_id'])
    .execute();
  await db.schema
    .createIndex('finding_area_group_idx')
    .on('finding_area')
    .columns(['organisation_id', 'area_key', 'open_minor', 'cycle_key', 'ref', 'finding_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('finding_requirement_group_idx').execute();
  await db.schema.dropTable('finding_area').execute();
  for (const column of ['ref', 'cycle_key', 'open_minor'])
    await db.schema.alterTable('finding_requirement').dropColumn(column).execute();
}
