import type { Db } from '../../db/connection.ts';
import type { EffectivenessReviewTable } from '../../db/schema.ts';

// Reviews of effectiveness (10.2 d). One current row per finding (superseded_at null).

export async function listReviews(db: Db, organisationId: string, findingId: string) {
  return db
    .selectFrom('effectiveness_review')
    .leftJoin('user', 'user.id', 'effectiveness_review.reviewer_user_id')
    .selectAll('effectiveness_review')
    .select(['user.name as reviewer_name', 'user.email as reviewer_email'])
    .where('effectiveness_review.organisation_id', '=', organisationId)
    .where('effectiveness_review.finding_id', '=', findingId)
    .orderBy('effectiveness_review.created_at', 'desc')
    .orderBy('effectiveness_review.id')
    .limit(100)
    .execute();
}

/** The current review of each of these findings, for lists. */
export async function currentReviews(db: Db, organisationId: string, findingIds: string[]) {
  if (findingIds.length === 0) return [];
  return db
    .selectFrom('effectiveness_review')
    .select([
      'finding_id',
      'due_on',
      'result',
      'reviewed_on',
      'criteria',
      'reviewer_user_id',
      'notes',
      'evidence_json',
    ])
    .where('organisation_id', '=', organisationId)
    .where('finding_id', 'in', findingIds)
    .where('superseded_at', 'is', null)
    .execute();
}

/** Not-effective reviews of the given findings (a page of them): bounded by the page (issue #16). */
export async function notEffectiveReviewsOf(db: Db, organisationId: string, findingIds: readonly string[]) {
  if (findingIds.length === 0) return [];
  return db
    .selectFrom('effectiveness_review')
    .select(['finding_id', 'reviewed_on'])
    .where('organisation_id', '=', organisationId)
    .where('finding_id', 'in', findingIds)
    .where('result', '=', 'not_effective')
    .orderBy('reviewed_on')
    .execute();
}

export async function insertReview(db: Db, row: EffectivenessReviewTable) {
  await db.insertInto('effectiveness_review').values(row).execute();
}

export async function updateReview(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<Omit<EffectivenessReviewTable, 'id' | 'organisation_id' | 'finding_id'>>,
) {
  await db
    .updateTable('effectiveness_review')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}
