import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { effectivenessPlanInput, effectivenessResultInput } from '../../contracts/effectiveness.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import { checkReviewPlan, checkReviewResult } from '../../domain/findings/effectiveness.ts';
import { authorize } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import { noteEdit } from '../corrective-actions/index.ts';
import { evidenceOf } from '../evidence/index.ts';
import {
  addEffectivenessReview,
  amendEffectivenessReview,
  asDomainReview as asDomain,
  currentReview as current,
  findFinding,
  getEffectiveness,
  implementerIds,
} from '../findings/index.ts';
import { memberByEmail } from '../members/index.ts';
import { reopenNotEffective } from './effectiveness.reopen.ts';

// Planning and recording the effectiveness review of a corrective action (ISO 27001 10.2 d): the reviewer
// is not one of its implementers; "not effective" reopens the corrective action for a new cause analysis.

async function nonconformity(
  tx: ChangeContext,
  findingId: string,
  action: 'finding.manage' | 'finding.review_effectiveness',
) {
  const f = await findFinding(tx.db, tx.organisation.id, findingId);
  if (!f) throw notFound('finding');
  authorize(tx, action, { findingId: f.id, ownerId: f.owner_user_id });
  if (f.grade !== 'major' && f.grade !== 'minor')
    throw new AppError('invalid_state', 'only nonconformities have a review of effectiveness');
  return f;
}

/** Plans the review (criteria, due date, reviewer); a review found not effective is kept as history. */
export async function planEffectivenessReview(
  input: z.infer<typeof effectivenessPlanInput> & { findingId: string },
  ctx: OrgContext,
) {
  // First line: the role's grant; the finding-scoped check follows once the finding is read.
  authorize(ctx, 'finding.manage');
  await inTransaction(ctx, async (tx) => {
    const f = await nonconformity(tx, input.findingId, 'finding.manage');
    const reviewer = await memberByEmail(tx.db, tx.organisation.id, input.reviewerEmail);
    if (!reviewer)
      throw new AppError('validation_failed', `${input.reviewerEmail} is not a member of this organisation`, [
        { path: 'body/reviewerEmail', message: 'not a member' },
      ]);
    const problems = checkReviewPlan(
      { criteria: input.criteria, dueOn: input.dueOn, reviewerId: reviewer.id },
      await implementerIds(tx.db, tx.organisation.id, f.id),
    );
    if (problems.length > 0)
      throw new AppError(
        'validation_failed',
        problems[0]!.message,
        problems.map((p) => ({
          path: `body/${p.field === 'reviewer' ? 'reviewerEmail' : p.field}`,
          message: p.message,
        })),
      );
    const at = tx.now().toISOString();
    const now = await current(tx, f.id);
    if (now?.result === 'effective')
      throw new AppError('invalid_state', 'the corrective action was already reviewed as effective');
    if (now && now.result === null) {
      await amendEffectivenessReview(tx, now.id, {
        criteria: input.criteria,
        due_on: input.dueOn,
        reviewer_user_id: reviewer.id,
        updated_at: at,
      });
    } else {
      if (now) await amendEffectivenessReview(tx, now.id, { superseded_at: at, updated_at: at });
      await addEffectivenessReview(tx, {
        id: randomUUID(),
        organisation_id: tx.organisation.id,
        finding_id: f.id,
        criteria: input.criteria,
        due_on: input.dueOn,
        reviewer_user_id: reviewer.id,
        result: null,
        notes: '',
        evidence_json: '[]',
        reviewed_on: null,
        recorded_by: null,
        created_at: at,
        updated_at: at,
        superseded_at: null,
      });
    }
    await noteEdit(tx, f.id, 'effectiveness.plan', { dueOn: input.dueOn, reviewer: input.reviewerEmail });
    await tx.audit({
      action: 'effectiveness_review.plan',
      entityType: 'finding',
      entityId: f.id,
      data: { ref: f.ref, ...input },
    });
  });
  return getEffectiveness({ findingId: input.findingId }, ctx);
}

/**
 * Records the outcome of the review. Not effective: the record goes back to analysis for a new cause
 * analysis (10.2 b), its verification and any certification body acceptance are cleared, and the finding
 * is flagged.
 */
export async function recordEffectivenessResult(
  input: z.infer<typeof effectivenessResultInput> & { findingId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'finding.review_effectiveness');
  await inTransaction(ctx, async (tx) => {
    const f = await nonconformity(tx, input.findingId, 'finding.review_effectiveness');
    const at = tx.now().toISOString();
    const today = at.slice(0, 10);
    const reviewedOn = input.reviewedOn ?? today;
    const now = await current(tx, f.id);
    const implementers = await implementerIds(tx.db, tx.organisation.id, f.id);
    const files = await evidenceOf(tx.db, tx.organisation.id, [f.id]);
    const unknown = input.evidenceIds.filter((id) => !files.some((x) => x.id === id));
    if (unknown.length > 0)
      throw new AppError('validation_failed', 'evidence reviewed must be files of this finding', [
        { path: 'body/evidenceIds', message: `unknown: ${unknown.join(', ')}` },
      ]);
    const refusal = checkReviewResult({
      status: f.status,
      review: now ? asDomain(now) : null,
      actorId: tx.actor.userId,
      implementerIds: implementers,
      evidenceCount: input.evidenceIds.length,
      notes: input.notes,
      reviewedOn,
      today,
    });
    if (refusal)
      throw new AppError(
        refusal.code === 'reviewer_is_implementer'
          ? 'forbidden'
          : refusal.code === 'evidence_required' || refusal.code === 'date_invalid'
            ? 'validation_failed'
            : 'invalid_state',
        refusal.message,
        refusal.code === 'evidence_required'
          ? [{ path: 'body/evidenceIds', message: refusal.message }]
          : refusal.code === 'date_invalid'
            ? [{ path: 'body/reviewedOn', message: refusal.message }]
            : undefined,
      );
    await amendEffectivenessReview(tx, now!.id, {
      result: input.result,
      reviewed_on: reviewedOn,
      notes: input.notes,
      evidence_json: JSON.stringify(
        files
          .filter((x) => input.evidenceIds.includes(x.id))
          .map((x) => ({ fileName: x.file_name, sha256: x.sha256 })),
      ),
      recorded_by: tx.actor.label,
      updated_at: at,
    });
    await noteEdit(tx, f.id, 'effectiveness.result', { result: input.result, reviewedOn });
    if (input.result === 'not_effective') await reopenNotEffective(tx, f, implementers, input.notes, at);
    await tx.audit({
      action: 'effectiveness_review.result',
      entityType: 'finding',
      entityId: f.id,
      data: { ref: f.ref, result: input.result, reviewedOn, notes: input.notes },
    });
  });
  return getEffectiveness({ findingId: input.findingId }, ctx);
}
