import { type Kysely, sql } from 'kysely';

// Issue #16: the "repeats an earlier verified finding" warning (clause 10.2 d, effectiveness) is read for a
// page of findings by looking at every finding that shares a requirement. With the finding's resolution and
// creation time on its requirement rows, an index finds only the earlier resolved ones, instead of reading
// each finding of the requirement to test its status (about 200 ms a page at 30,000 findings).
// The statuses are the ones this migration was written against (RESOLVED_STATUSES, src/domain/findings/
// escalation.ts); later changes of that list keep the column in step in the findings repository.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('finding_requirement')
    .addColumn('resolved', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('finding_requirement')
    .addColumn('finding_created_at', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`
    update finding_requirement set
      resolved = case when exists (
        select 1 from finding f
        where f.id = finding_requirement.finding_id and f.status in ('verified_internally', 'closed')
      ) then 1 else 0 end,
      finding_created_at = coalesce(
        (select f.created_at from finding f where f.id = finding_requirement.finding_id), '')
  `.execute(db);
  await db.schema
    .createIndex('finding_requirement_resolved_idx')
    .on('finding_requirement')
    .columns(['organisation_id', 'requirement', 'resolved', 'finding_created_at', 'finding_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('finding_requirement_resolved_idx').execute();
  await db.schema.alterTable('finding_requirement').dropColumn('finding_created_at').execute();
  await db.schema.alterTable('finding_requirement').dropColumn('resolved').execute();
}
