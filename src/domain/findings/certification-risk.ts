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

const list = (refs: string[]) => refs.join(', ');

/** The date after which stage 2 must be repeated: the last day of stage 2 plus the limit, month-clamped. */
export function stage2RepeatDate(stage2EndsOn: string, limitMonths = 6): string {
  return addMonths(stage2EndsOn, limitMonths);
}

export function certificationRisks(
  audit: { type: string; endsOn: string | null },
  findings: readonly RiskFinding[],
  today: string,
  limitMonths = 6,
): CertificationRisk[] {
  const rule = closureRule(audit.type).lateMajorMeans;
  const majors = findings.filter((f) => f.grade === 'major' && f.status !== 'closed');
  if (!rule || majors.length === 0) return [];
  if (rule === 'repeat_stage2') {
    if (!audit.endsOn) return [];
    const limit = stage2RepeatDate(audit.endsOn, limitMonths);
    const refs = majors.map((f) => f.ref);
    // Verified on the limit day itself is in time; the day after, stage 2 is repeated.
    const reached = today > limit;
    return [
      {
        kind: 'repeat_stage2',
        on: limit,
        reached,
        findings: refs,
        message: reached
          ? `stage 2 must be repeated: ${list(refs)} not verified by the certification body within ${limitMonths} months of the last day of stage 2 (${limit})`
          : `stage 2 must be repeated if ${list(refs)} ${refs.length === 1 ? 'is' : 'are'} not verified by the certification body by ${limit}`,
      },
    ];
  }
  const late = majors
    .map((f) => ({ ref: f.ref, due: currentDeadline(f.status, f) }))
    .filter((x): x is { ref: string; due: NonNullable<typeof x.due> } => x.due !== null && x.due.on < today);
  if (late.length === 0) return [];
  const first = late.map((x) => x.due.on).sort()[0]!;
  const on = addCalendarDays(first, 1);
  const refs = late.map((x) => x.ref);
  return [
    {
      kind: 'suspension_risk',
      on,
      reached: true,
      findings: refs,
      message: `suspension risk since ${on}: major ${list(refs)} past ${late.length === 1 ? 'its' : 'their'} deadline at surveillance`,
    },
  ];
}
