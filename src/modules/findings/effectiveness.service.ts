import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  effectivenessPlanInput,
  effectivenessRecord,
  effectivenessResultInput,
  effectivenessSummary,
  effectivenessView,
} from '../../contracts/effectiveness.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import { type Closer, closerOf } from '../../domain/findings/closure.ts';
import {
  checkReviewPlan,
  checkReviewResult,
  type EffectivenessReview,
  effectivenessLine,
  effectivenessState,
} from '../../domain/findings/effectiveness.ts';
import { authorize } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import { noteEdit } from '../corrective-actions/index.ts';
import { listEvidence } from '../evidence/index.ts';
import { memberByEmail } from '../members/index.ts';
import { reopenNotEffective } from './effectiveness.reopen.ts';
import * as repo from './effectiveness.repository.ts';
import { implementerIds } from './events.repository.ts';
import { findFinding } from './findings.repository.ts';

type Row = Awaited<ReturnType<typeof repo.listReviews>>[number];

const asDomain = (r: {
  criteria: string;
  due_on: string | null;
  reviewer_user_id: string | null;
  result: string | null;
  reviewed_on: string | null;
}): EffectivenessReview => ({
  criteria: r.criteria,
  dueOn: r.due_on,
  reviewerId: r.reviewer_user_id,
  result: r.result as EffectivenessReview['result'],
  reviewedOn: r.reviewed_on,
});

const present = (r: Row): z.infer<typeof effectivenessRecord> => ({
  id: r.id,
  criteria: r.criteria,
  dueOn: r.due_on,
  reviewer:
    r.reviewer_user_id && r.reviewer_email
      ? { id: r.reviewer_user_id, name: r.reviewer_name ?? '', email: r.reviewer_email }
      : null,
  result: r.result as 'effective' | null,
  reviewedOn: r.reviewed_on,
  notes: r.notes,
  evidence: JSON.parse(r.evidence_json) as { fileName: string; sha256: string }[],
  recordedBy: r.recorded_by,
  createdAt: r.created_at,
});

async function current(ctx: OrgContext, findingId: string) {
  return (await repo.listReviews(ctx.db, ctx.organisation.id, findingId)).find(
    (r) => r.superseded_at === null,
  );
}

/** The current review as the lifecycle sees it (none, planned, effective). */
export async function effectivenessStateOf(ctx: OrgContext, findingId: string) {
  const r = await current(ctx, findingId);
  return effectivenessState(r ? asDomain(r) : null);
}

/** `{ dueOn, result, reviewedOn }` of each finding's current review, for lists and the CLI. */
export async function effectivenessSummaries(
  ctx: OrgContext,
  findingIds: string[],
): Promise<Map<string, z.infer<typeof effectivenessSummary>>> {
  const rows = await repo.currentReviews(ctx.db, ctx.organisation.id, findingIds);
  return new Map(
    rows.map((r) => [
      r.finding_id,
      { dueOn: r.due_on, result: r.result as 'effective' | null, reviewedOn: r.reviewed_on },
    ]),
  );
}

/** The current review record of each finding (result, reviewer, date, evidence), for the reports. */
export async function reviewRecords(ctx: OrgContext, findingIds: string[]) {
  const rows = await repo.currentReviews(ctx.db, ctx.organisation.id, findingIds);
  return new Map(
    rows.map((r) => [
      r.finding_id,
      {
        criteria: r.criteria,
        dueOn: r.due_on,
        reviewerId: r.reviewer_user_id,
        result: r.result as 'effective' | 'not_effective' | null,
        reviewedOn: r.reviewed_on,
        notes: r.notes,
        evidence: JSON.parse(r.evidence_json) as { fileName: string; sha256: string }[],
      },
    ]),
  );
}

/** Findings whose corrective action a review found not effective, with the day (escalation flag). */
export async function notEffectiveOn(ctx: OrgContext): Promise<Map<string, string | null>> {
  const rows = await repo.notEffectiveReviews(ctx.db, ctx.organisation.id);
  return new Map(rows.map((r) => [r.finding_id, r.reviewed_on]));
}

export async function getEffectiveness(
  input: { findingId: string },
  ctx: OrgContext,
): Promise<z.infer<typeof effectivenessView>> {
  const f = await findFinding(ctx.db, ctx.organisation.id, input.findingId);
  if (!f) throw notFound('finding');
  authorize(ctx, 'finding.read', { findingId: f.id, ownerId: f.owner_user_id });
  return viewOf(ctx, f.id, f.status, closerOf(f.audit_type));
}

export async function viewOf(ctx: OrgContext, findingId: string, status: string, closer: Closer) {
  const rows = await repo.listReviews(ctx.db, ctx.organisation.id, findingId);
  const now = rows.find((r) => r.superseded_at === null) ?? null;
  return {
    closer,
    line: effectivenessLine(status, closer, now ? asDomain(now) : null),
    current: now ? present(now) : null,
    history: rows.filter((r) => r !== now).map(present),
  };
}

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
      await repo.updateReview(tx.db, tx.organisation.id, now.id, {
        criteria: input.criteria,
        due_on: input.dueOn,
        reviewer_user_id: reviewer.id,
        updated_at: at,
      });
    } else {
      if (now)
        await repo.updateReview(tx.db, tx.organisation.id, now.id, { superseded_at: at, updated_at: at });
      await repo.insertReview(tx.db, {
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
  await inTransaction(ctx, async (tx) => {
    const f = await nonconformity(tx, input.findingId, 'finding.review_effectiveness');
    const at = tx.now().toISOString();
    const today = at.slice(0, 10);
    const reviewedOn = input.reviewedOn ?? today;
    const now = await current(tx, f.id);
    const implementers = await implementerIds(tx.db, tx.organisation.id, f.id);
    const files = await listEvidence(tx.db, tx.organisation.id, [f.id]);
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
    await repo.updateReview(tx.db, tx.organisation.id, now!.id, {
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
