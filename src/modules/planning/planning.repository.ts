import type { Db } from '../../db/connection.ts';
import type { PlanTaskTable } from '../../db/schema-planning.ts';
import { nonconformityGrades } from '../../vocabulary/index.ts';

// SQL of the remediation planner. Every query is scoped by organisation; task ids are corrective action
// ids or free task ids (both random UUIDs), so dependencies can join either kind.

export async function planFindings(db: Db, organisationId: string, auditId: string | null) {
  let q = db
    .selectFrom('finding')
    .innerJoin('audit', 'audit.id', 'finding.audit_id')
    .select([
      'finding.id',
      'finding.ref',
      'finding.grade',
      'finding.status',
      'finding.cap_due_on',
      'finding.evidence_due_on',
      'finding.close_by_on',
      'audit.ref as audit_ref',
    ])
    .where('finding.organisation_id', '=', organisationId)
    .where('finding.grade', 'in', nonconformityGrades)
    .where('finding.status', '!=', 'closed');
  if (auditId) q = q.where('finding.audit_id', '=', auditId);
  return q.orderBy('audit.ref').orderBy('finding.ref').execute();
}

/** The actions of the organisation's findings, or of one audit's: no list of ids (issue #16). */
export async function planActions(db: Db, organisationId: string, auditId: string | null) {
  let q = db
    .selectFrom('corrective_action')
    .leftJoin('user', 'user.id', 'corrective_action.owner_user_id')
    .select([
      'corrective_action.id',
      'corrective_action.finding_id',
      'corrective_action.title',
      'corrective_action.description',
      'corrective_action.owner_user_id',
      'corrective_action.effort_days',
      'corrective_action.earliest_start_on',
      'corrective_action.due_on',
      'corrective_action.serves',
      'corrective_action.status',
      'corrective_action.created_at',
    ])
    .where('corrective_action.organisation_id', '=', organisationId)
    .where('corrective_action.status', '!=', 'cancelled')
    .orderBy('corrective_action.created_at')
    .orderBy('corrective_action.id');
  if (auditId)
    q = q.where('corrective_action.finding_id', 'in', (eb) =>
      eb.selectFrom('finding').select('finding.id').where('finding.audit_id', '=', auditId),
    );
  return q.execute();
}

export async function planFreeTasks(db: Db, organisationId: string) {
  return db
    .selectFrom('plan_task')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '!=', 'cancelled')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findFreeTask(db: Db, organisationId: string, taskId: string) {
  return db
    .selectFrom('plan_task')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', taskId)
    .executeTakeFirst();
}

export async function findActionById(db: Db, organisationId: string, actionId: string) {
  return db
    .selectFrom('corrective_action')
    .innerJoin('finding', 'finding.id', 'corrective_action.finding_id')
    .select([
      'corrective_action.id',
      'corrective_action.finding_id',
      'corrective_action.title',
      'corrective_action.owner_user_id',
      'corrective_action.status',
      'finding.ref as finding_ref',
      'finding.status as finding_status',
    ])
    .where('corrective_action.organisation_id', '=', organisationId)
    .where('corrective_action.id', '=', actionId)
    .executeTakeFirst();
}

export async function insertFreeTask(db: Db, row: PlanTaskTable) {
  await db.insertInto('plan_task').values(row).execute();
}

export async function updateFreeTask(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<PlanTaskTable>,
) {
  await db
    .updateTable('plan_task')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function deleteFreeTask(db: Db, organisationId: string, id: string) {
  await db
    .deleteFrom('task_dependency')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('predecessor_id', '=', id), eb('successor_id', '=', id)]))
    .execute();
  await db
    .deleteFrom('plan_task')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function listDependencies(db: Db, organisationId: string) {
  return db
    .selectFrom('task_dependency')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertDependency(
  db: Db,
  row: {
    id: string;
    organisation_id: string;
    predecessor_id: string;
    successor_id: string;
    lag_days: number;
    created_at: string;
  },
) {
  await db.insertInto('task_dependency').values(row).execute();
}

export async function findDependency(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('task_dependency')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteDependency(db: Db, organisationId: string, id: string) {
  await db
    .deleteFrom('task_dependency')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function planMembers(db: Db, organisationId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .leftJoin('person_capacity', (j) =>
      j
        .onRef('person_capacity.user_id', '=', 'membership.user_id')
        .onRef('person_capacity.organisation_id', '=', 'membership.organisation_id'),
    )
    .select([
      'user.id',
      'user.name',
      'user.email',
      'membership.role',
      'person_capacity.share',
      'person_capacity.weekdays_json',
    ])
    .where('membership.organisation_id', '=', organisationId)
    .orderBy('user.name')
    .execute();
}

export async function upsertCapacity(
  db: Db,
  row: { organisation_id: string; user_id: string; share: number; weekdays_json: string; updated_at: string },
) {
  await db
    .insertInto('person_capacity')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'user_id'])
        .doUpdateSet({ share: row.share, weekdays_json: row.weekdays_json, updated_at: row.updated_at }),
    )
    .execute();
}

export async function listTimeOff(db: Db, organisationId: string) {
  return db
    .selectFrom('time_off')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('starts_on')
    .execute();
}

export async function insertTimeOff(
  db: Db,
  row: {
    id: string;
    organisation_id: string;
    user_id: string;
    starts_on: string;
    ends_on: string;
    reason: string;
  },
) {
  await db.insertInto('time_off').values(row).execute();
}

export async function deleteTimeOff(db: Db, organisationId: string, userId: string, id: string) {
  const r = await db
    .deleteFrom('time_off')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function unreadCounts(db: Db, organisationId: string, userId: string | null) {
  if (!userId) return new Map<string, number>();
  const rows = await db
    .selectFrom('task_comment')
    .leftJoin('conversation_read', (j) =>
      j
        .onRef('conversation_read.subject_id', '=', 'task_comment.task_id')
        .on('conversation_read.user_id', '=', userId)
        .onRef('conversation_read.organisation_id', '=', 'task_comment.organisation_id'),
    )
    .select(['task_comment.task_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('task_comment.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        eb('conversation_read.read_at', 'is', null),
        eb('task_comment.created_at', '>', eb.ref('conversation_read.read_at')),
      ]),
    )
    .where((eb) =>
      eb.or([eb('task_comment.author_id', 'is', null), eb('task_comment.author_id', '!=', userId)]),
    )
    .groupBy('task_comment.task_id')
    .execute();
  return new Map(rows.map((r) => [r.task_id, Number(r.n)]));
}
