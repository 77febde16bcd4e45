import type { Db } from '../../db/connection.ts';
import type { PostureSnapshotTable } from '../../db/schema-posture.ts';
import { finishedActionStatuses, gradesWhere } from '../../vocabulary/index.ts';

// SQL of the posture capability: the findings that weigh on the scores, the dashboard's series and the
// recorded snapshots. Every query is scoped by organisation.

const COUNTED_GRADES = gradesWhere('countsTowardPosture');

/** Findings that can weigh on the scores: nonconformities and OFIs, open or not (filtered in the domain). */
export async function scoredFindings(db: Db, organisationId: string) {
  return db
    .selectFrom('finding')
    .innerJoin('audit', 'audit.id', 'finding.audit_id')
    .select([
      'finding.id',
      'finding.ref',
      'finding.grade',
      'finding.status',
      'finding.requirements_json',
      'finding.cap_due_on',
      'finding.evidence_due_on',
      'finding.close_by_on',
      'finding.created_at',
      'finding.closed_at',
      // A finding is raised on the day of the report, whenever it was typed in.
      'audit.report_received_on',
      // Readiness is per audit type (issue #13): internal findings never block certification.
      'audit.type as audit_type',
    ])
    .where('finding.organisation_id', '=', organisationId)
    .where('finding.grade', 'in', COUNTED_GRADES)
    .orderBy('finding.ref')
    .orderBy('finding.id')
    .execute();
}

/** Corrective actions past their own due date and not finished. */
export async function overdueActions(db: Db, organisationId: string, today: string) {
  return db
    .selectFrom('corrective_action')
    .innerJoin('finding', 'finding.id', 'corrective_action.finding_id')
    .select(['finding.ref', 'corrective_action.title', 'corrective_action.due_on'])
    .where('corrective_action.organisation_id', '=', organisationId)
    .where('corrective_action.status', 'not in', finishedActionStatuses)
    .where('corrective_action.due_on', '<', today)
    .orderBy('corrective_action.due_on')
    .limit(200)
    .execute();
}

export async function insertSnapshot(db: Db, row: PostureSnapshotTable) {
  await db.insertInto('posture_snapshot').values(row).execute();
}

export async function latestSnapshot(db: Db, organisationId: string) {
  return db
    .selectFrom('posture_snapshot')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function snapshotsSince(db: Db, organisationId: string, since: string, limit = 2000) {
  return db
    .selectFrom('posture_snapshot')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('recorded_at', '>=', since)
    .orderBy('recorded_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function hasSnapshotOn(db: Db, organisationId: string, day: string) {
  const row = await db
    .selectFrom('posture_snapshot')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('recorded_on', '=', day)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function allOrganisationIds(db: Db) {
  return db.selectFrom('organisation').select(['id', 'slug', 'name']).orderBy('slug').execute();
}

/** Only for the demo loader: the points its own seeding recorded, all within a second, are not a history. */
export async function deleteSnapshots(db: Db, organisationId: string) {
  await db.deleteFrom('posture_snapshot').where('organisation_id', '=', organisationId).execute();
}

/** A committed change marks its organisation: one upsert, whatever the organisation's size. */
export async function markDirty(db: Db, organisationId: string, at: string) {
  await db
    .insertInto('derived_dirty')
    .values({ organisation_id: organisationId, marked_at: at, ran_at: null })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ marked_at: at }))
    .execute();
}

/**
 * Organisations marked since their last refresh whose last refresh is at least `notSince` old, claimed by
 * stamping `ran_at` (a change marked during the refresh is seen by a later one).
 */
export async function claimDirty(db: Db, now: string, notSince: string, limit: number) {
  const rows = await db
    .selectFrom('derived_dirty')
    .innerJoin('organisation', 'organisation.id', 'derived_dirty.organisation_id')
    .select(['organisation.id', 'organisation.slug', 'organisation.name'])
    .where((eb) =>
      eb.or([
        eb('derived_dirty.ran_at', 'is', null),
        eb.and([
          eb('derived_dirty.marked_at', '>', eb.ref('derived_dirty.ran_at')),
          eb('derived_dirty.ran_at', '<=', notSince),
        ]),
      ]),
    )
    .orderBy('derived_dirty.marked_at')
    .limit(limit)
    .execute();
  for (const r of rows)
    await db.updateTable('derived_dirty').set({ ran_at: now }).where('organisation_id', '=', r.id).execute();
  return rows;
}
