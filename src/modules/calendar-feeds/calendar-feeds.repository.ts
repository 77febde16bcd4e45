import type { Db } from '../../db/connection.ts';
import type { CalendarFeedTable } from '../../db/schema-planning.ts';
import { finishedFindingStatuses } from '../../vocabulary/index.ts';

export async function insertFeed(db: Db, row: CalendarFeedTable) {
  await db.insertInto('calendar_feed').values(row).execute();
}

export async function feedsOf(db: Db, organisationId: string, userId: string) {
  return db
    .selectFrom('calendar_feed')
    .select(['id', 'scope', 'created_at', 'last_used_at', 'revoked_at'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeFeed(db: Db, organisationId: string, userId: string, id: string, at: string) {
  const r = await db
    .updateTable('calendar_feed')
    .set({ revoked_at: at })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The live feed behind a token hash, with its organisation, if its owner is still a member. */
export async function feedByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('calendar_feed')
    .innerJoin('organisation', 'organisation.id', 'calendar_feed.organisation_id')
    .innerJoin('membership', (j) =>
      j
        .onRef('membership.organisation_id', '=', 'calendar_feed.organisation_id')
        .onRef('membership.user_id', '=', 'calendar_feed.user_id'),
    )
    .select([
      'calendar_feed.id',
      'calendar_feed.user_id',
      'calendar_feed.scope',
      'organisation.id as organisation_id',
      'organisation.name as organisation_name',
      'organisation.slug as organisation_slug',
    ])
    .where('calendar_feed.token_hash', '=', tokenHash)
    .where('calendar_feed.revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchFeed(db: Db, id: string, at: string) {
  await db.updateTable('calendar_feed').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Dated items of the organisation for the feed; `userId` narrows to what that person owns. */
export async function datedItems(db: Db, organisationId: string, userId: string | null) {
  let findings = db
    .selectFrom('finding')
    .innerJoin('audit', 'audit.id', 'finding.audit_id')
    .select([
      'finding.id',
      'finding.ref',
      'finding.grade',
      'finding.statement',
      'finding.cap_due_on',
      'finding.evidence_due_on',
      'finding.close_by_on',
      'audit.ref as audit_ref',
    ])
    .where('finding.organisation_id', '=', organisationId)
    .where('finding.status', 'not in', finishedFindingStatuses);
  if (userId) findings = findings.where('finding.owner_user_id', '=', userId);
  let actions = db
    .selectFrom('corrective_action')
    .innerJoin('finding', 'finding.id', 'corrective_action.finding_id')
    .select(['corrective_action.id', 'corrective_action.title', 'corrective_action.due_on', 'finding.ref'])
    .where('corrective_action.organisation_id', '=', organisationId)
    .where('corrective_action.status', 'in', ['open', 'in_progress'])
    .where('corrective_action.due_on', 'is not', null);
  if (userId) actions = actions.where('corrective_action.owner_user_id', '=', userId);
  let tasks = db
    .selectFrom('plan_task')
    .select(['id', 'title', 'due_on'])
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', ['open', 'in_progress'])
    .where('due_on', 'is not', null);
  if (userId) tasks = tasks.where('owner_user_id', '=', userId);
  const audits = await db
    .selectFrom('audit')
    .select(['id', 'ref', 'type', 'certification_body', 'starts_on', 'ends_on'])
    .where('organisation_id', '=', organisationId)
    .where('starts_on', 'is not', null)
    .execute();
  return {
    findings: await findings.execute(),
    actions: await actions.execute(),
    tasks: await tasks.execute(),
    audits,
  };
}
