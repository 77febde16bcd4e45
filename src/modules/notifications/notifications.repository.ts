import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { finishedFindingStatuses } from '../../vocabulary/index.ts';

export async function memberContact(db: Db, organisationId: string, userId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.id', 'user.name', 'user.email'])
    .where('membership.organisation_id', '=', organisationId)
    .where('membership.user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * Members a handle could name (its full email, its email's local part, or a first name): a superset that
 * findMentions narrows, so a comment fetches the few people it may mention instead of every member.
 */
export async function mentionCandidates(db: Db, organisationId: string, handles: readonly string[]) {
  const email = sql<string>`lower(${sql.ref('user.email')})`;
  const name = sql<string>`lower(${sql.ref('user.name')})`;
  const found = new Map<string, { id: string; name: string; email: string }>();
  // 40 handles (160 terms) a statement keeps the OR chain well inside SQLite's expression depth limit.
  for (let i = 0; i < handles.length; i += 40) {
    const rows = await db
      .selectFrom('membership')
      .innerJoin('user', 'user.id', 'membership.user_id')
      .select(['user.id', 'user.name', 'user.email'])
      .where('membership.organisation_id', '=', organisationId)
      .where((eb) =>
        eb.or(
          handles
            .slice(i, i + 40)
            .flatMap((h) => [
              eb(email, '=', h),
              eb(email, 'like', `${h}@%`),
              eb(name, '=', h),
              eb(name, 'like', `${h} %`),
            ]),
        ),
      )
      .execute();
    for (const r of rows) found.set(r.id, r);
  }
  return [...found.values()];
}

/** Records a notification as sent; false when it already was (each reminder goes once). */
export async function claimNotification(db: Db, organisationId: string, key: string, at: string) {
  const r = await db
    .insertInto('notification_sent')
    .values({ organisation_id: organisationId, key, sent_at: at })
    .onConflict((oc) => oc.columns(['organisation_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function allOrganisations(db: Db) {
  return db.selectFrom('organisation').select(['id', 'slug', 'name', 'settings_json']).execute();
}

/** Open tasks with an owner and a due date, and open findings with an owner and their deadlines. */
export async function dueItems(db: Db, organisationId: string) {
  const actions = await db
    .selectFrom('corrective_action')
    .innerJoin('finding', 'finding.id', 'corrective_action.finding_id')
    .select([
      'corrective_action.id',
      'corrective_action.title',
      'corrective_action.due_on',
      'corrective_action.owner_user_id',
      'finding.ref',
    ])
    .where('corrective_action.organisation_id', '=', organisationId)
    .where('corrective_action.status', 'in', ['open', 'in_progress'])
    .where('corrective_action.owner_user_id', 'is not', null)
    .execute();
  const tasks = await db
    .selectFrom('plan_task')
    .select(['id', 'title', 'due_on', 'owner_user_id'])
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', ['open', 'in_progress'])
    .where('owner_user_id', 'is not', null)
    .execute();
  const findings = await db
    .selectFrom('finding')
    .select(['id', 'ref', 'owner_user_id', 'cap_due_on', 'evidence_due_on', 'close_by_on', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('owner_user_id', 'is not', null)
    .where('status', 'not in', [...finishedFindingStatuses, 'accepted', 'planned'])
    .execute();
  return { actions, tasks, findings };
}

/** Comments that mention the person and that they have not read yet. */
export async function unreadMentionsOf(db: Db, organisationId: string, userId: string) {
  const r = await db
    .selectFrom('task_comment')
    .leftJoin('conversation_read', (j) =>
      j
        .onRef('conversation_read.subject_id', '=', 'task_comment.task_id')
        .on('conversation_read.user_id', '=', userId)
        .onRef('conversation_read.organisation_id', '=', 'task_comment.organisation_id'),
    )
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('task_comment.organisation_id', '=', organisationId)
    .where('task_comment.mentions_json', 'like', `%"id":"${userId.replace(/[%_"\\]/g, '')}"%`)
    .where((eb) =>
      eb.or([
        eb('conversation_read.read_at', 'is', null),
        eb('task_comment.created_at', '>', eb.ref('conversation_read.read_at')),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function organisationSettings(db: Db, organisationId: string) {
  const row = await db
    .selectFrom('organisation')
    .select('settings_json')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.settings_json ?? '{}';
}
