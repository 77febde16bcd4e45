// What an unverified major means for the certificate, by audit type. Pure.
// - stage 2: a major not verified by the certification body within the policy's limit (6 months by
//   default) of the last day of stage 2 means stage 2 must be repeated before a certification decision
//   (ISO/IEC 17021-1 9.4.9 and common CB practice under ISO/IEC 27006-1). The date is shown before it
//   passes, so it can be planned for.
// - surveillance: an open major past its deadline puts the certificate at risk of suspension
//   (ISO/IEC 17021-1 9.6.5.2: the CB suspends when serious nonconformities are not resolved in time).

import { addCalendarDays, addMonths } from '../calendar/iso-date.ts';
import { closureRule } from './closure.ts';
import { currentDeadline, type DeadlineDates } from './overdue.ts';
import { namedRefs, type RefGroup } from './recommendation.ts';

export interface RiskFinding extends DeadlineDates {
  ref: string;
  grade: string;
  status: string;
}

export interface CertificationRisk {
  kind: 'repeat_stage2' | 'suspension_risk';
  /** The day it happens (or happened): the stage 2 limit, or the day after the major's deadline. */
  on: string;
  /** True once the date has passed. */
  reached: boolean;
  findings: string[];
  message: string;
}

/** The date after which stage 2 must be repeated: the last day of stage 2 plus the limit, month-clamped. */
export function stage2RepeatDate(stage2EndsOn: string, limitMonths = 6): string {
  return addMonths(stage2EndsOn, limitMonths);
}

/** Open majors of one audit, counted: all of them, and those past the deadline in force (first due day). */
export interface MajorGroups {
  open: RefGroup;
  late: RefGroup & { firstDue: string | null };
}

export function certificationRisks(
  audit: { type: string; endsOn: string | null },
  findings: readonly RiskFinding[],
  today: string,
  limitMonths = 6,
): CertificationRisk[] {
  const majors = findings.filter((f) => f.grade === 'major' && f.status !== 'closed');
  const late = majors
    .map((f) => ({ ref: f.ref, due: currentDeadline(f.status, f) }))
    .filter((x): x is { ref: string; due: NonNullable<typeof x.due> } => x.due !== null && x.due.on < today);
  return certificationRisksOf(
    audit,
    {
      open: { count: majors.length, refs: majors.map((f) => f.ref) },
      late: {
        count: late.length,
        refs: late.map((x) => x.ref),
        firstDue: late.map((x) => x.due.on).sort()[0] ?? null,
      },
    },
    today,
    limitMonths,
  );
}

/** The same rule from counted groups (the audits list reads them by SQL for a page of audits, #16). */
export function certificationRisksOf(
  audit: { type: string; endsOn: string | null },
  majors: MajorGroups,
  today: string,
  limitMonths = 6,
): CertificationRisk[] {
  const rule = closureRule(audit.type).lateMajorMeans;
  if (!rule || majors.open.count === 0) return [];
  if (rule === 'repeat_stage2') {
    if (!audit.endsOn) return [];
    const limit = stage2RepeatDate(audit.endsOn, limitMonths);
    const refs = namedRefs(majors.open);
    // Verified on the limit day itself is in time; the day after, stage 2 is repeated.
    const reached = today > limit;
    return [
      {
        kind: 'repeat_stage2',
        on: limit,
        reached,
        findings: [...majors.open.refs],
        message: reached
          ? `stage 2 must be repeated: ${refs} not verified by the certification body within ${limitMonths} months of the last day of stage 2 (${limit})`
          : `stage 2 must be repeated if ${refs} ${majors.open.count === 1 ? 'is' : 'are'} not verified by the certification body by ${limit}`,
      },
    ];
  }
  const { late } = majors;
  if (late.count === 0 || !late.firstDue) return [];
  const on = addCalendarDays(late.firstDue, 1);
  return [
    {
      kind: 'suspension_risk',
      on,
      reached: true,
      findings: [...late.refs],
      message: `suspension risk since ${on}: major ${namedRefs(late)} past ${late.count === 1 ? 'its' : 'their'} deadline at surveillance`,
    },
  ];
}
