import type { Db } from '../../db/connection.ts';
import type { CrosswalkOverrideTable } from '../../db/schema-isms.ts';

export async function listOverrides(db: Db, organisationId: string, framework: string) {
  return db
    .selectFrom('crosswalk_override')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('framework', '=', framework)
    .orderBy('created_at')
    .execute();
}

/** One override per mapping row: a new correction replaces the previous one. */
export async function replaceOverride(db: Db, row: CrosswalkOverrideTable) {
  await db
    .deleteFrom('crosswalk_override')
    .where('organisation_id', '=', row.organisation_id)
    .where('framework', '=', row.framework)
    .where('from_kind', '=', row.from_kind)
    .where('from_id', '=', row.from_id)
    .where('to_id', '=', row.to_id)
    .execute();
  await db.insertInto('crosswalk_override').values(row).execute();
}

export async function deleteOverride(db: Db, organisationId: string, framework: string, id: string) {
  const r = await db
    .deleteFrom('crosswalk_override')
    .where('organisation_id', '=', organisationId)
    .where('framework', '=', framework)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
