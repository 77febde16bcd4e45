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
export const PLAN_ACCEPTED = new Set([
  'plan_accepted',
  'implementing',
  'evidence_submitted',
  'evidence_rejected',
  'verified_internally',
]);

const noun = (n: number, grade: string) => `${n} open ${grade}${n === 1 ? '' : 's'}`;

export interface RecommendationFinding {
  ref: string;
  grade: string;
  status: string;
  /** The type of the audit that raised it; a certification body audit when not given. */
  auditType?: string | undefined;
}

/** Whether findings of this audit imply a certification recommendation. */
export const impliesRecommendation = (auditType: string | undefined) =>
  auditType === undefined || closureRule(auditType).impliesRecommendation;

export function impliedRecommendation(findings: readonly RecommendationFinding[]): ImpliedRecommendation {
  const open = findings.filter(
    (f) => isNonconformity(f.grade) && !isFinishedFinding(f.status) && impliesRecommendation(f.auditType),
  );
  const majors = open.filter((f) => f.grade === 'major');
  const minors = open.filter((f) => f.grade === 'minor');
  const planless = minors.filter((f) => !PLAN_ACCEPTED.has(f.status));
  const minorReason =
    planless.length > 0
      ? [
          `${planless.length} of ${noun(minors.length, 'minor')} still need${planless.length === 1 ? 's' : ''} an accepted plan (${planless.map((f) => f.ref).join(', ')})`,
        ]
      : minors.length > 0
        ? [`${noun(minors.length, 'minor')} with an accepted plan: implementation verified at the next audit`]
        : [];
  if (majors.length > 0) {
    return {
      implied: 'not_recommended',
      atRisk: true,
      reasons: [
        `${noun(majors.length, 'major')} (${majors.map((f) => f.ref).join(', ')}) must have correction and corrective action verified by the certification body`,
        ...minorReason,
      ],
    };
  }
  if (planless.length > 0)
    return { implied: 'recommended_upon_action_plan', atRisk: true, reasons: minorReason };
  if (minors.length > 0) return { implied: 'recommended', atRisk: false, reasons: minorReason };
  return { implied: 'recommended', atRisk: false, reasons: ['no open nonconformity'] };
}

// Kept here too for the callers that import them from this module.
export { currentDeadline, isOverdue } from './overdue.ts';
