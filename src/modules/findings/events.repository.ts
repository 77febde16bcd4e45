import type { Db } from '../../db/connection.ts';
import type { FindingEventTable } from '../../db/schema.ts';

export async function insertEvent(db: Db, row: FindingEventTable) {
  await db.insertInto('finding_event').values(row).execute();
}

export async function listEvents(db: Db, organisationId: string, findingId: string) {
  return db
    .selectFrom('finding_event')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('finding_id', '=', findingId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function findEvent(db: Db, organisationId: string, findingId: string, eventId: string) {
  return db
    .selectFrom('finding_event')
    .select(['id'])
    .where('organisation_id', '=', organisationId)
    .where('finding_id', '=', findingId)
    .where('id', '=', eventId)
    .executeTakeFirst();
}

/** People who carried out corrective actions of a finding: its internal verifier must be someone else. */
export async function implementerIds(db: Db, organisationId: string, findingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('corrective_action')
    .select(['owner_user_id', 'completed_by'])
    .where('organisation_id', '=', organisationId)
    .where('finding_id', '=', findingId)
    .execute();
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.owner_user_id) ids.add(r.owner_user_id);
    if (r.completed_by) ids.add(r.completed_by);
  }
  return [...ids];
}
