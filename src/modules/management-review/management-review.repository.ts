import type { Db } from '../../db/connection.ts';
import type { ManagementReviewTable } from '../../db/schema.ts';

export async function insertReview(db: Db, row: ManagementReviewTable) {
  await db.insertInto('management_review').values(row).execute();
}

export async function updateReview(
  db: Db,
  organisationId: string,
  reviewId: string,
  patch: Partial<ManagementReviewTable>,
) {
  await db
    .updateTable('management_review')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', reviewId)
    .execute();
}

export async function findReview(db: Db, organisationId: string, reviewId: string) {
  return db
    .selectFrom('management_review')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', reviewId)
    .executeTakeFirst();
}

export async function findReviewByRef(db: Db, organisationId: string, ref: string) {
  return db
    .selectFrom('management_review')
    .select(['id'])
    .where('organisation_id', '=', organisationId)
    .where('ref', '=', ref)
    .executeTakeFirst();
}

export async function listReviews(db: Db, organisationId: string, page: { page: number; pageSize: number }) {
  const base = db.selectFrom('management_review').where('organisation_id', '=', organisationId);
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('held_on', 'desc')
    .orderBy('ref')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** The review held before `heldOn`, whose actions this one follows up (clause 9.3.2 a). */
export async function previousReview(db: Db, organisationId: string, heldOn: string) {
  return db
    .selectFrom('management_review')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('held_on', '<', heldOn)
    .orderBy('held_on', 'desc')
    .executeTakeFirst();
}

export async function findingsSnapshot(db: Db, organisationId: string) {
  return db
    .selectFrom('finding as f')
    .innerJoin('audit as a', 'a.id', 'f.audit_id')
    .select(['f.ref', 'a.ref as audit_ref', 'a.type', 'f.grade', 'f.status', 'f.close_by_on', 'f.created_at'])
    .where('f.organisation_id', '=', organisationId)
    .execute();
}

export async function auditsSnapshot(db: Db, organisationId: string) {
  return db
    .selectFrom('audit')
    .select(['ref', 'type', 'starts_on', 'recommendation', 'certification_body'])
    .where('organisation_id', '=', organisationId)
    .orderBy('starts_on')
    .execute();
}

export async function internalResultsSnapshot(db: Db, organisationId: string) {
  return db
    .selectFrom('internal_audit_check')
    .select(['result', 'checked_on'])
    .where('organisation_id', '=', organisationId)
    .where('result', 'is not', null)
    .execute();
}
