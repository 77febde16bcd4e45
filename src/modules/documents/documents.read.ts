// Read model of the documents module for other modules (the dashboard). The repository stays private.
import type { Db } from '../../db/connection.ts';
import * as repo from './documents.repository.ts';

export interface OverdueReview {
  ref: string;
  title: string;
  nextReviewOn: string;
}

/** Documents past their review date on `today`: bounded by how many are overdue, not by the register. */
export async function documentsOverdueForReview(
  db: Db,
  organisationId: string,
  today: string,
): Promise<OverdueReview[]> {
  return (await repo.documentsOverdueForReview(db, organisationId, today)).map((d) => ({
    ref: d.ref,
    title: d.title,
    nextReviewOn: d.next_review_on!,
  }));
}
