// The effectiveness review record (ISO 27001 10.2 d) as findings, lists and reports read it. Planning and
// recording a review change corrective actions too, so those use-cases live in finding-workflow.
import type { z } from 'zod';
import type {
  effectivenessRecord,
  effectivenessSummary,
  effectivenessView,
} from '../../contracts/effectiveness.ts';
import { notFound } from '../../contracts/errors.ts';
import { type Closer, closerOf } from '../../domain/findings/closure.ts';
import {
  type EffectivenessReview,
  effectivenessLine,
  effectivenessState,
} from '../../domain/findings/effectiveness.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import * as repo from './effectiveness.repository.ts';
import { findFinding } from './findings.repository.ts';

type Row = Awaited<ReturnType<typeof repo.listReviews>>[number];

export const asDomain = (r: {
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

export const present = (r: Row): z.infer<typeof effectivenessRecord> => ({
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

export async function current(ctx: OrgContext, findingId: string) {
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

/** Findings of a page whose corrective action a review found not effective, with the day (escalation). */
export async function notEffectiveOnFor(
  ctx: OrgContext,
  findingIds: readonly string[],
): Promise<Map<string, string | null>> {
  const rows = await repo.notEffectiveReviewsOf(ctx.db, ctx.organisation.id, findingIds);
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
