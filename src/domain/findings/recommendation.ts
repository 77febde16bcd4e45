import { isFinishedFinding, isNonconformity } from '../../vocabulary/index.ts';
// The recommendation the open findings imply, shown beside the one the auditor gave: no open
// nonconformity → recommended; only minors open → recommended upon an action plan; an open major →
// not recommended until it is closed (the certification decision is at risk).

export type Recommendation = 'recommended' | 'recommended_upon_action_plan' | 'not_recommended';

export interface ImpliedRecommendation {
  implied: Recommendation;
  atRisk: boolean;
  reasons: string[];
}

/** Statuses of a minor without an accepted plan yet (the recommendation waits on one). */
export const planlessStatuses = ['open', 'analysing', 'plan_submitted', 'plan_rejected'] as const;

/** Open nonconformities of one kind: how many, and the first refs (in ref order) a reason names. */
export interface RefGroup {
  count: number;
  refs: readonly string[];
}

/** A reason names at most this many findings, then a count: its text never grows with an audit. */
export const MAX_NAMED = 5;

const named = (g: RefGroup) => {
  const shown = g.refs.slice(0, MAX_NAMED);
  return `${shown.join(', ')}${g.count > shown.length ? ` and ${g.count - shown.length} more` : ''}`;
};
const nc = (n: number) => `nonconformit${n === 1 ? 'y' : 'ies'}`;

export function impliedRecommendation(
  findings: readonly { ref: string; grade: string; status: string }[],
): ImpliedRecommendation {
  const open = findings.filter((f) => isNonconformity(f.grade) && !isFinishedFinding(f.status));
  const group = (list: { ref: string }[]): RefGroup => ({
    count: list.length,
    refs: list.map((f) => f.ref).slice(0, MAX_NAMED),
  });
  const minors = open.filter((f) => f.grade === 'minor');
  return impliedFromGroups({
    majors: group(open.filter((f) => f.grade === 'major')),
    minors: group(minors),
    planless: group(minors.filter((f) => (planlessStatuses as readonly string[]).includes(f.status))),
  });
}

/** The same rule from counted groups (the audits list reads them by SQL, a page of audits at a time). */
export function impliedFromGroups(g: {
  majors: RefGroup;
  minors: RefGroup;
  planless: RefGroup;
}): ImpliedRecommendation {
  const { majors, minors, planless } = g;
  if (majors.count > 0) {
    return {
      implied: 'not_recommended',
      atRisk: true,
      reasons: [
        `${majors.count} open major ${nc(majors.count)} (${named(majors)}) must be closed with verified evidence`,
        ...(minors.count > 0 ? [`${minors.count} open minor ${nc(minors.count)} need an accepted plan`] : []),
      ],
    };
  }
  if (minors.count > 0) {
    return {
      implied: 'recommended_upon_action_plan',
      atRisk: planless.count > 0,
      reasons: [
        `${minors.count} open minor ${nc(minors.count)} (${named(minors)})`,
        ...(planless.count > 0 ? [`no accepted plan yet for ${named(planless)}`] : []),
      ],
    };
  }
  return { implied: 'recommended', atRisk: false, reasons: ['no open nonconformity'] };
}

// Kept here too for the callers that import them from this module.
export { currentDeadline, isOverdue } from './overdue.ts';
