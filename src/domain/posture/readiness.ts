import { isFinishedFinding, isNonconformity } from '../../vocabulary/index.ts';
import { impliedRecommendation, type Recommendation } from '../findings/recommendation.ts';
import type { PostureFinding } from './model.ts';

// Certification readiness: the recommendation the open findings imply today, the date from which it can
// be `recommended` (every major and minor nonconformity's corrective actions finished, per the planner's
// forecast), and what stands in the way. A nonconformity without any planned corrective action has no
// date: that is a blocker of its own (clause 10.1 c: actions must be determined).

export interface Blocker {
  findingId: string;
  ref: string;
  grade: string;
  status: string;
  reason: string;
  /** When its corrective actions finish per the forecast; null when none is planned. */
  readyOn: string | null;
}

export interface Readiness {
  implied: Recommendation;
  atRisk: boolean;
  reasons: string[];
  /** The date it can become `recommended`; null when a nonconformity has no planned action. */
  recommendedBy: string | null;
  blockers: Blocker[];
}

const AWAITING_DECISION = new Set(['evidence_submitted', 'verified_internally']);

export function readiness(
  findings: readonly PostureFinding[],
  finishOf: (findingId: string) => string | null,
  today: string,
): Readiness {
  const implied = impliedRecommendation(findings);
  const open = findings.filter((f) => isNonconformity(f.grade) && !isFinishedFinding(f.status));
  const blockers: Blocker[] = open.map((f) => {
    const pending = f.tasks.filter((t) => !t.done);
    const finish = pending.length > 0 ? (finishOf(f.id) ?? null) : today;
    const late = f.overdue ? ' — its deadline has passed' : '';
    const reason =
      pending.length > 0
        ? `${pending.length} corrective action${pending.length === 1 ? '' : 's'} to finish, forecast ${finish ?? 'not computable'}${late}`
        : AWAITING_DECISION.has(f.status)
          ? "evidence submitted: awaiting the certification body's decision"
          : f.tasks.length > 0
            ? `corrective actions done: evidence of correction to submit${late}`
            : `no corrective action planned${late}`;
    const plannedNothing = f.tasks.length === 0 && !AWAITING_DECISION.has(f.status);
    return {
      findingId: f.id,
      ref: f.ref,
      grade: f.grade,
      status: f.status,
      reason,
      readyOn: plannedNothing ? null : (finish ?? null),
    };
  });
  blockers.sort((a, b) => a.grade.localeCompare(b.grade) || a.ref.localeCompare(b.ref));
  const dates = blockers.map((b) => b.readyOn);
  const recommendedBy =
    blockers.length === 0
      ? today
      : dates.includes(null)
        ? null
        : [today, ...(dates as string[])].sort().at(-1)!;
  return { ...implied, recommendedBy, blockers };
}
