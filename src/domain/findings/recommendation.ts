import { isFinishedFinding, isNonconformity } from '../../vocabulary/index.ts';
import { closureRule } from './closure.ts';

// The recommendation the open findings of certification body audits imply, shown beside the one the
// auditor gave (ISO/IEC 17021-1 9.4.8, 9.5): no open nonconformity → recommended; a major open → not
// recommended until the certification body has verified its correction and corrective action; minors
// open → recommended once each has a plan the certification body accepted (their implementation is
// verified at the next audit). Internal and second-party audits, and stage 1 areas of concern, imply no
// certification recommendation at all.

export type Recommendation = 'recommended' | 'recommended_upon_action_plan' | 'not_recommended';

export interface ImpliedRecommendation {
  implied: Recommendation;
  atRisk: boolean;
  reasons: string[];
}

/** A minor whose plan was accepted (by the certification body) counts as satisfied for certification. */
export const planAcceptedStatuses = [
  'plan_accepted',
  'implementing',
  'evidence_submitted',
  'evidence_rejected',
  'verified_internally',
] as const;
export const PLAN_ACCEPTED = new Set<string>(planAcceptedStatuses);

const noun = (n: number, grade: string) => `${n} open ${grade}${n === 1 ? '' : 's'}`;

export interface RecommendationFinding {
  ref: string;
  grade: string;
  status: string;
  /** The type of the audit that raised it; a certification body audit when not given. */
  auditType?: string | undefined;
}

/** Open nonconformities of one kind: how many, and the first refs (in ref order) a reason names. */
export interface RefGroup {
  count: number;
  refs: readonly string[];
}

/** A reason names at most this many findings, then a count: its text never grows with an audit. */
export const MAX_NAMED = 5;

export const namedRefs = (g: RefGroup) => {
  const shown = g.refs.slice(0, MAX_NAMED);
  return `${shown.join(', ')}${g.count > shown.length ? ` and ${g.count - shown.length} more` : ''}`;
};

/** Whether findings of this audit imply a certification recommendation. */
export const impliesRecommendation = (auditType: string | undefined) =>
  auditType === undefined || closureRule(auditType).impliesRecommendation;

export function impliedRecommendation(findings: readonly RecommendationFinding[]): ImpliedRecommendation {
  const open = findings.filter(
    (f) => isNonconformity(f.grade) && !isFinishedFinding(f.status) && impliesRecommendation(f.auditType),
  );
  const group = (list: { ref: string }[]): RefGroup => ({
    count: list.length,
    refs: list.map((f) => f.ref).slice(0, MAX_NAMED),
  });
  const minors = open.filter((f) => f.grade === 'minor');
  return impliedFromGroups({
    majors: group(open.filter((f) => f.grade === 'major')),
    minors: group(minors),
    planless: group(minors.filter((f) => !PLAN_ACCEPTED.has(f.status))),
  });
}

/** The same rule from counted groups (the audits list reads them by SQL, a page of audits at a time). */
export function impliedFromGroups(g: {
  majors: RefGroup;
  minors: RefGroup;
  planless: RefGroup;
}): ImpliedRecommendation {
  const { majors, minors, planless } = g;
  const minorReason =
    planless.count > 0
      ? [
          `${planless.count} of ${noun(minors.count, 'minor')} still need${planless.count === 1 ? 's' : ''} an accepted plan (${namedRefs(planless)})`,
        ]
      : minors.count > 0
        ? [`${noun(minors.count, 'minor')} with an accepted plan: implementation verified at the next audit`]
        : [];
  if (majors.count > 0) {
    return {
      implied: 'not_recommended',
      atRisk: true,
      reasons: [
        `${noun(majors.count, 'major')} (${namedRefs(majors)}) must have correction and corrective action verified by the certification body`,
        ...minorReason,
      ],
    };
  }
  if (planless.count > 0)
    return { implied: 'recommended_upon_action_plan', atRisk: true, reasons: minorReason };
  if (minors.count > 0) return { implied: 'recommended', atRisk: false, reasons: minorReason };
  return { implied: 'recommended', atRisk: false, reasons: ['no open nonconformity'] };
}

// Kept here too for the callers that import them from this module.
export { currentDeadline, isOverdue } from './overdue.ts';
