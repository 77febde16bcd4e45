// Writes to findings made inside another module's use-case: the workflow moves a finding and records its
// effectiveness review (10.2 d), corrective actions and evidence add to its timeline. The caller has
// authorised the change and writes the audit-trail entry; every row is put in the transaction's organisation,
// whatever the caller passed.
import type { EffectivenessReviewTable, FindingEventTable, FindingTable } from '../../db/schema.ts';
import type { ChangeContext } from '../context.ts';
import * as reviews from './effectiveness.repository.ts';
import * as events from './events.repository.ts';
import * as repo from './findings.repository.ts';

export type FindingPatch = Partial<Omit<FindingTable, 'id' | 'organisation_id' | 'audit_id'>>;
export type ReviewPatch = Parameters<typeof reviews.updateReview>[3];

export async function saveFindingFields(tx: ChangeContext, findingId: string, patch: FindingPatch) {
  await repo.updateFinding(tx.db, tx.organisation.id, findingId, patch);
}

/** Appends to a finding's timeline. */
export async function recordFindingEvent(tx: ChangeContext, event: FindingEventTable) {
  await events.insertEvent(tx.db, { ...event, organisation_id: tx.organisation.id });
}

export async function addEffectivenessReview(tx: ChangeContext, review: EffectivenessReviewTable) {
  await reviews.insertReview(tx.db, { ...review, organisation_id: tx.organisation.id });
}

export async function amendEffectivenessReview(tx: ChangeContext, reviewId: string, patch: ReviewPatch) {
  await reviews.updateReview(tx.db, tx.organisation.id, reviewId, patch);
}
