// Who closes a nonconformity, by the type of audit that raised it. Pure: no I/O, no clock.
//
// - internal (ISO/IEC 27001:2022 9.2) and second-party audits: the organisation closes its own
//   nonconformities under clause 10.2: the ISMS manager accepts the plan, someone independent verifies
//   the implementation, the effectiveness is reviewed (10.2 d). No certification body step exists, the
//   findings never block certification and imply no certification recommendation.
// - stage 1 (ISO/IEC 17021-1 9.3.1.2): the certification body reports *areas of concern*, not graded
//   nonconformities with deadlines; the organisation resolves them before stage 2, where the CB reviews
//   them (an unresolved one may become a nonconformity at stage 2).
// - stage 2 and recertification (17021-1 9.4.9, 9.5.3): majors need correction and corrective action
//   verified by the CB before the certification decision; minors need a plan the CB accepted, their
//   implementation is verified at the next audit.
// - surveillance (17021-1 9.6.5): the same closure as stage 2; an open major past its deadline puts the
//   certificate at risk of suspension (17021-1 9.6.5.2).

import { type AuditType, auditTypeTraits, type FindingCloser } from '../../vocabulary/audit-types.ts';

export type { AuditType } from '../../vocabulary/audit-types.ts';
export type Closer = FindingCloser;

export interface ClosureRule {
  closer: Closer;
  /** Stage 1 findings are areas of concern: no major/minor deadlines, resolved before stage 2. */
  areasOfConcern: boolean;
  /** Open findings of this audit stand in the way of a certification decision. */
  blocksCertification: boolean;
  /** The audit's findings imply a certification recommendation (never for internal audits). */
  impliesRecommendation: boolean;
  /** What an unverified major past its limit means for the certificate. */
  lateMajorMeans: 'repeat_stage2' | 'suspension_risk' | null;
}

const rules: Record<AuditType, Omit<ClosureRule, 'closer'>> = {
  internal: {
    areasOfConcern: false,
    blocksCertification: false,
    impliesRecommendation: false,
    lateMajorMeans: null,
  },
  second_party: {
    areasOfConcern: false,
    blocksCertification: false,
    impliesRecommendation: false,
    lateMajorMeans: null,
  },
  stage1: {
    areasOfConcern: true,
    blocksCertification: false,
    impliesRecommendation: false,
    lateMajorMeans: null,
  },
  stage2: {
    areasOfConcern: false,
    blocksCertification: true,
    impliesRecommendation: true,
    lateMajorMeans: 'repeat_stage2',
  },
  recertification: {
    areasOfConcern: false,
    blocksCertification: true,
    impliesRecommendation: true,
    lateMajorMeans: null,
  },
  surveillance: {
    areasOfConcern: false,
    blocksCertification: false,
    impliesRecommendation: true,
    lateMajorMeans: 'suspension_risk',
  },
};

/** The rule for an audit type; an unknown type is treated as the organisation's own audit. */
export function closureRule(type: string): ClosureRule {
  const known = Object.hasOwn(rules, type) ? (type as AuditType) : 'internal';
  return { closer: auditTypeTraits[known].closedBy, ...rules[known] };
}

export const closerOf = (type: string): Closer => closureRule(type).closer;

/** What a finding of this audit type is called: stage 1 reports areas of concern. */
export function findingKindLabel(type: string, grade: string): string {
  if (closureRule(type).areasOfConcern && (grade === 'major' || grade === 'minor')) return 'area of concern';
  return grade === 'major' ? 'major nonconformity' : grade === 'minor' ? 'minor nonconformity' : grade;
}
