import type { DeadlinePolicyDefinition } from '../../vocabulary/deadline-policy.ts';
import type { Grade } from '../../vocabulary/grades.ts';
import { addCalendarDays } from '../calendar/iso-date.ts';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.ts';
import { deadlinePolicySchema } from './schema.ts';

// Certification bodies set different response times, so deadlines are data (a policy), never constants.
// Days count from the date the nonconformity report was received.

export type { DeadlinePolicyDefinition, GradeDeadlines } from '../../vocabulary/deadline-policy.ts';
export type { Grade } from '../../vocabulary/grades.ts';

export interface DeadlinePolicy {
  key: string;
  name: string;
  definition: DeadlinePolicyDefinition;
}

// Presets are checked against the same schema as an administrator's edits, once at load.
export const presetPolicies: DeadlinePolicy[] = [
  {
    key: 'guide-14-30-60',
    name: 'CAP 14 days, evidence 30 days, closure 60 days',
    definition: {
      dayKind: 'calendar',
      grades: {
        major: { capDays: 14, evidenceDays: 30, closeDays: 60 },
        minor: { capDays: 14, evidenceDays: 30, closeDays: 60 },
      },
      notes:
        'Common certification-body practice: corrective action plan within 14 days of the report, Evidence of Correction within 30, every nonconformity closed within 60. OFIs carry no deadline.',
    },
  },
  {
    key: 'strict-90',
    name: 'Majors closed with evidence in 90 days; minors planned, verified at the next audit',
    definition: {
      dayKind: 'calendar',
      grades: {
        major: { capDays: 90, evidenceDays: 90, closeDays: 90 },
        minor: { capDays: 90, evidenceDays: null, closeDays: null },
      },
      minorPlanVerifiedAtNextAudit: true,
      notes:
        'Majors: correction, root cause and corrective action with evidence within 90 days. Minors: an accepted plan within 90 days; implementation is verified at the next surveillance audit, so no evidence or closure date is set here.',
    },
  },
  {
    key: 'working-days-10-21',
    name: 'CAP in 10 working days (major) or 21 (minor)',
    definition: {
      dayKind: 'working',
      grades: {
        major: { capDays: 10, evidenceDays: 30, closeDays: 60 },
        minor: { capDays: 21, evidenceDays: 42, closeDays: 90 },
      },
      notes:
        'Working days skip weekends and the organisation holidays. CAP: 10 working days for a major, 21 for a minor. Evidence: 30 / 42 working days (about six and eight weeks, twice the plan time so actions can be implemented). Closure: 60 / 90 working days (about three and four months, inside the 6 months within which a certification body usually verifies corrections).',
    },
  },
].map((p) => deadlinePolicySchema.parse(p));

export const DEFAULT_POLICY_KEY = 'guide-14-30-60';

export interface FindingDeadlines {
  capDueOn: string | null;
  evidenceDueOn: string | null;
  closeByOn: string | null;
}

const none: FindingDeadlines = { capDueOn: null, evidenceDueOn: null, closeByOn: null };

/** The three dates a finding must meet; null where the policy sets none (OFIs, observations, positives). */
export function deriveFindingDeadlines(
  policy: DeadlinePolicyDefinition,
  grade: Grade,
  reportReceivedOn: string | null,
  calendar: WorkingCalendar,
): FindingDeadlines {
  if (!reportReceivedOn) return none;
  const days = policy.grades[grade];
  if (!days) return none;
  const verifiedAtNextAudit = grade === 'minor' && policy.minorPlanVerifiedAtNextAudit === true;
  const add = (n: number | null | undefined) => {
    if (n === null || n === undefined) return null;
    return policy.dayKind === 'working'
      ? addWorkingDays(reportReceivedOn, n, calendar)
      : addCalendarDays(reportReceivedOn, n);
  };
  return {
    capDueOn: add(days.capDays),
    evidenceDueOn: verifiedAtNextAudit ? null : add(days.evidenceDays),
    closeByOn: verifiedAtNextAudit ? null : add(days.closeDays),
  };
}
