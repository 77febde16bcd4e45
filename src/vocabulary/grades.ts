import { z } from 'zod';

// The grades an audit gives a finding (ISO/IEC 17021-1 9.4.8: nonconformities are graded major or minor;
// certification bodies also report opportunities for improvement and positive remarks). Every decision
// about a grade reads its traits from this table: adding a grade fails to compile until its traits, its
// label and every `Record<Grade, …>` that depends on it are written.

export const grades = ['major', 'minor', 'ofi', 'observation', 'positive'] as const;
export const grade = z.enum(grades);
export type Grade = (typeof grades)[number];

/** Which workflow a finding of the grade follows. */
export type GradeLifecycle = 'nonconformity' | 'ofi' | 'noted';

export interface GradeTraits {
  /** A nonconformity (clause 10.2): correction, cause, corrective action, effectiveness. */
  isNonconformity: boolean;
  /** `nonconformity`: the clause 10.2 lifecycle; `ofi`: accept/plan/decline; `noted`: recorded only. */
  lifecycle: GradeLifecycle;
  /** Open findings of the grade stand between the organisation and certification (readiness). */
  countsTowardReadiness: boolean;
  /** Weighs on posture scores and dashboards (nonconformities and OFIs). */
  countsTowardPosture: boolean;
}

export const gradeTraits: Record<Grade, GradeTraits> = {
  major: {
    isNonconformity: true,
    lifecycle: 'nonconformity',
    countsTowardReadiness: true,
    countsTowardPosture: true,
  },
  minor: {
    isNonconformity: true,
    lifecycle: 'nonconformity',
    countsTowardReadiness: true,
    countsTowardPosture: true,
  },
  ofi: {
    isNonconformity: false,
    lifecycle: 'ofi',
    countsTowardReadiness: false,
    countsTowardPosture: true,
  },
  observation: {
    isNonconformity: false,
    lifecycle: 'noted',
    countsTowardReadiness: false,
    countsTowardPosture: false,
  },
  positive: {
    isNonconformity: false,
    lifecycle: 'noted',
    countsTowardReadiness: false,
    countsTowardPosture: false,
  },
};

export const gradeLabels: Record<Grade, string> = {
  major: 'Major nonconformity',
  minor: 'Minor nonconformity',
  ofi: 'Opportunity for improvement',
  observation: 'Observation',
  positive: 'Positive finding',
};

export const gradeShortLabels: Record<Grade, string> = {
  major: 'Major',
  minor: 'Minor',
  ofi: 'OFI',
  observation: 'Observation',
  positive: 'Positive',
};

const isGrade = (g: string): g is Grade => Object.hasOwn(gradeTraits, g);

/** A nonconformity (major or minor); unknown strings (e.g. an internal-audit check result) are not. */
export const isNonconformity = (g: string | null | undefined): boolean =>
  g != null && isGrade(g) && gradeTraits[g].isNonconformity;

export const gradesWhere = (trait: keyof Omit<GradeTraits, 'lifecycle'>): Grade[] =>
  grades.filter((g) => gradeTraits[g][trait]);

/** What one check of an internal audit's checklist found: conformity, or a finding of a grade. */
export const checkResults = ['conform', ...grades] as const;
export type CheckResult = (typeof checkResults)[number];
export const checkResult = z.enum(checkResults);

/** Major and minor, in that order. */
export const nonconformityGrades = gradesWhere('isNonconformity');
export type NonconformityGrade = 'major' | 'minor';
