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

export function impliedRecommendation(
  findings: readonly { ref: string; grade: string; status: string }[],
): ImpliedRecommendation {
  const open = findings.filter((f) => isNonconformity(f.grade) && !isFinishedFinding(f.status));
  const majors = open.filter((f) => f.grade === 'major');
  const minors = open.filter((f) => f.grade === 'minor');
  if (majors.length > 0) {
    return {
      implied: 'not_recommended',
      atRisk: true,
      reasons: [
        `${majors.length} open major nonconformit${majors.length === 1 ? 'y' : 'ies'} (${majors.map((f) => f.ref).join(', ')}) must be closed with verified evidence`,
        ...(minors.length > 0
          ? [
              `${minors.length} open minor nonconformit${minors.length === 1 ? 'y' : 'ies'} need an accepted plan`,
            ]
          : []),
      ],
    };
  }
  if (minors.length > 0) {
    const planless = minors.filter((f) =>
      ['open', 'analysing', 'plan_submitted', 'plan_rejected'].includes(f.status),
    );
    return {
      implied: 'recommended_upon_action_plan',
      atRisk: planless.length > 0,
      reasons: [
        `${minors.length} open minor nonconformit${minors.length === 1 ? 'y' : 'ies'} (${minors.map((f) => f.ref).join(', ')})`,
        ...(planless.length > 0 ? [`no accepted plan yet for ${planless.map((f) => f.ref).join(', ')}`] : []),
      ],
    };
  }
  return { implied: 'recommended', atRisk: false, reasons: ['no open nonconformity'] };
}

// Kept here too for the callers that import them from this module.
export { currentDeadline, isOverdue } from './overdue.ts';
