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

// Transitions that are the organisation's own work on a nonconformity, before it is verified.
const workActions = ['start_analysis', 'submit_plan', 'start_implementation', 'submit_evidence'];

/**
 * Everyone who analysed, implemented or submitted the work on a finding: owners and completers of its
 * corrective actions, authors of its record and action edits, of its work transitions, and uploaders of
 * its evidence. Its internal verifier must be none of them (clause 9.2.2: auditors do not audit their own
 * work; issue #18 found an ISMS manager verifying evidence she had submitted).
 */
export async function implementerIds(db: Db, organisationId: string, findingId: string): Promise<string[]> {
  const actions = await db
    .selectFrom('corrective_action')
    .select(['owner_user_id', 'completed_by'])
    .where('organisation_id', '=', organisationId)
    .where('finding_id', '=', findingId)
    .execute();
  const events = await db
    .selectFrom('finding_event')
    .select('actor_id')
    .distinct()
    .where('organisation_id', '=', organisationId)
    .where('finding_id', '=', findingId)
    .where((eb) =>
      eb.or([
        eb('kind', '=', 'edit'),
        eb.and([eb('kind', '=', 'transition'), eb('action', 'in', workActions)]),
      ]),
    )
    .execute();
  const uploaders = await db
    .selectFrom('evidence_file')
    .innerJoin('user', 'user.email', 'evidence_file.uploaded_by')
    .select('user.id')
    .distinct()
    .where('evidence_file.organisation_id', '=', organisationId)
    .where('evidence_file.finding_id', '=', findingId)
    .execute();
  const ids = new Set<string>();
  for (const r of actions) {
    if (r.owner_user_id) ids.add(r.owner_user_id);
    if (r.completed_by) ids.add(r.completed_by);
  }
  for (const e of events) if (e.actor_id) ids.add(e.actor_id);
  for (const u of uploaders) ids.add(u.id);
  return [...ids];
}
