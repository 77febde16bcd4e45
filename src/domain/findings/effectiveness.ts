// The review of the effectiveness of the corrective action taken (ISO/IEC 27001:2022 10.2 d), as its own
// record: criteria, due date, reviewer (never someone who implemented the actions), result, evidence and
// date. The certification body's closure and this review are separate facts: a CB may close a
// nonconformity on verified evidence while the organisation's review is still due. A review that finds
// the action not effective reopens the corrective action for a new cause analysis (10.2 b). Pure.

import type { Closer } from './closure.ts';
import type { EffectivenessState } from './lifecycle-types.ts';

export type EffectivenessResult = 'effective' | 'not_effective';

export interface EffectivenessReview {
  criteria: string;
  dueOn: string | null;
  reviewerId: string | null;
  result: EffectivenessResult | null;
  reviewedOn: string | null;
}

/** What the lifecycle needs to know: none yet, planned (criteria, due date, reviewer), or effective. */
export function effectivenessState(review: EffectivenessReview | null): EffectivenessState {
  if (!review) return 'none';
  if (review.result === 'effective') return 'effective';
  if (review.result === null && review.criteria.trim() && review.dueOn && review.reviewerId) return 'planned';
  return 'none';
}

export interface PlanProblem {
  field: 'criteria' | 'dueOn' | 'reviewer';
  message: string;
}

/** A review plan the record can rely on: criteria stated, a due date, and an independent reviewer. */
export function checkReviewPlan(
  plan: { criteria: string; dueOn: string | null; reviewerId: string | null },
  implementerIds: readonly string[],
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!plan.criteria.trim())
    problems.push({ field: 'criteria', message: 'state how effectiveness will be judged' });
  if (!plan.dueOn) problems.push({ field: 'dueOn', message: 'set the date the review is due' });
  if (!plan.reviewerId) problems.push({ field: 'reviewer', message: 'name the reviewer' });
  else if (implementerIds.includes(plan.reviewerId))
    problems.push({
      field: 'reviewer',
      message: 'the reviewer must not have implemented the corrective actions',
    });
  return problems;
}

/** States in which the outcome of the corrective action can be reviewed. */
const REVIEWABLE = new Set(['verified_internally', 'closed']);

export type ResultRefusal =
  | { code: 'not_reviewable'; message: string }
  | { code: 'not_planned'; message: string }
  | { code: 'reviewer_is_implementer'; message: string }
  | { code: 'evidence_required'; message: string }
  | { code: 'date_invalid'; message: string };

/** Whether this person may record this result now; null when they may. */
export function checkReviewResult(input: {
  status: string;
  review: EffectivenessReview | null;
  actorId: string | null;
  implementerIds: readonly string[];
  evidenceCount: number;
  notes: string;
  reviewedOn: string;
  today: string;
}): ResultRefusal | null {
  if (!REVIEWABLE.has(input.status))
    return {
      code: 'not_reviewable',
      message: 'the effectiveness of a corrective action is reviewed once it is verified or closed',
    };
  if (effectivenessState(input.review) !== 'planned')
    return { code: 'not_planned', message: 'plan the review first: criteria, due date and reviewer' };
  if (input.actorId !== null && input.implementerIds.includes(input.actorId))
    return {
      code: 'reviewer_is_implementer',
      message: 'someone who implemented the corrective actions may not review their effectiveness',
    };
  if (input.evidenceCount === 0 && !input.notes.trim())
    return { code: 'evidence_required', message: 'attach the evidence reviewed or describe it' };
  if (input.reviewedOn > input.today)
    return { code: 'date_invalid', message: 'a review cannot be dated in the future' };
  return null;
}

/** The line a finding shows about its review of effectiveness; null when there is nothing to say. */
export function effectivenessLine(
  status: string,
  closer: Closer,
  review: EffectivenessReview | null,
): string | null {
  if (review?.result === 'effective') return `effectiveness reviewed on ${review.reviewedOn}: effective`;
  if (review?.result === 'not_effective')
    return `not effective (reviewed ${review.reviewedOn}): corrective action reopened for a new cause analysis`;
  const due = review?.dueOn ? `due ${review.dueOn}` : 'not planned yet';
  if (status === 'closed' && closer === 'certification_body')
    return `closed by CB — effectiveness review ${due}`;
  if (status === 'verified_internally') return `verified — effectiveness review ${due}`;
  return null;
}
