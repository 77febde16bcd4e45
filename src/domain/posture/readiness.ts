import { isFinishedFinding } from '../../vocabulary/index.ts';
import { closureRule } from '../findings/closure.ts';
import { impliedRecommendation, PLAN_ACCEPTED, type Recommendation } from '../findings/recommendation.ts';
import type { PostureFinding } from './model.ts';

// Certification readiness (ISO/IEC 17021-1 9.4.8, 9.5): the recommendation the open findings of
// certification body audits imply today, the date from which it can be `recommended`, and what stands in
// the way. Per audit type (closure.ts): internal and second-party findings and stage 1 areas of concern
// never block certification. A major blocks until the certification body verified its correction and
// corrective action: its date is the planner's forecast of its corrective actions (then verification).
// A minor is satisfied once its plan is accepted; until then its date is the plan's acceptance (today when
// submitted, else the plan's due date). A major without any planned corrective action has no date: that
// is a blocker of its own (clause 10.2 c: actions must be determined).

/** What readiness reads beyond the posture model's finding (given by the loader). */
export interface ReadinessFinding extends PostureFinding {
  auditType?: string | undefined;
  capDueOn?: string | null | undefined;
}

export interface Blocker {
  findingId: string;
  ref: string;
  grade: string;
  status: string;
  reason: string;
  /** When it stops blocking per the forecast; null when nothing is planned. */
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

function majorBlocker(f: ReadinessFinding, finishOf: (id: string) => string | null, today: string) {
  const pending = f.tasks.filter((t) => !t.done);
  const finish = pending.length > 0 ? (finishOf(f.id) ?? null) : today;
  const late = f.overdue ? ' — its deadline has passed' : '';
  const reason =
    pending.length > 0
      ? `${pending.length} corrective action${pending.length === 1 ? '' : 's'} to finish, forecast ${finish ?? 'not computable'}, then verification by the certification body${late}`
      : AWAITING_DECISION.has(f.status)
        ? 'evidence submitted: awaiting verification by the certification body'
        : f.tasks.length > 0
          ? `corrective actions done: evidence of correction to submit${late}`
          : `no corrective action planned${late}`;
  const plannedNothing = f.tasks.length === 0 && !AWAITING_DECISION.has(f.status);
  return { reason, readyOn: plannedNothing ? null : finish };
}

function minorBlocker(f: ReadinessFinding, today: string) {
  const late = f.overdue ? ' — its deadline has passed' : '';
  if (f.status === 'plan_submitted')
    return { reason: 'plan submitted: awaiting acceptance by the certification body', readyOn: today };
  const due = f.capDueOn ?? null;
  return {
    reason: `no accepted plan yet${due ? `, plan due ${due}` : ''}${late}`,
    readyOn: due === null ? null : due < today ? today : due,
  };
}

export function readiness(
  findings: readonly ReadinessFinding[],
  finishOf: (findingId: string) => string | null,
  today: string,
): Readiness {
  const relevant = findings.filter((f) => !f.auditType || closureRule(f.auditType).impliesRecommendation);
  const implied = impliedRecommendation(relevant);
  const blocking = relevant.filter(
    (f) =>
      !isFinishedFinding(f.status) &&
      (f.grade === 'major' || (f.grade === 'minor' && !PLAN_ACCEPTED.has(f.status))),
  );
  const blockers: Blocker[] = blocking.map((f) => ({
    findingId: f.id,
    ref: f.ref,
    grade: f.grade,
    status: f.status,
    ...(f.grade === 'major' ? majorBlocker(f, finishOf, today) : minorBlocker(f, today)),
  }));
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
