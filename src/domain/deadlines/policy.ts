import type { DeadlinePolicyDefinitionInput as DeadlinePolicyDefinition } from '../../vocabulary/deadline-policy.ts';
import type { Grade } from '../../vocabulary/grades.ts';
import { addCalendarDays } from '../calendar/iso-date.ts';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.ts';
import { deadlinePolicySchema } from './schema.ts';

// Certification bodies set different response times, so deadlines are data (a policy), never constants.
// Days count from the policy's anchor: the last day of the audit (default), the closing meeting, or the
// day the nonconformity report was received.

export type { GradeDeadlines, PolicyAnchor } from '../../vocabulary/deadline-policy.ts';
export type { Grade } from '../../vocabulary/grades.ts';
export type { DeadlinePolicyDefinition };

export interface DeadlinePolicy {
  key: string;
  name: string;
  definition: DeadlinePolicyDefinition;
}

// Presets are checked against the same schema as an administrator's edits, once at load.
export const presetPolicies: DeadlinePolicy[] = [
  {
    key: 'cb-90',
    name: 'Certification body practice: majors corrected in 90 days, minors planned in 30',
    definition: {
      dayKind: 'calendar',
      anchor: 'audit_end',
      stage2MajorLimitMonths: 6,
      grades: {
        major: { capDays: 30, evidenceDays: 90, closeDays: null },
        minor: { capDays: 30, evidenceDays: null, closeDays: null, verifiedAtNextAudit: true },
      },
      notes:
        'Counted from the last day of the audit. Majors: a corrective action plan within 30 days, evidence of correction and corrective action within 90, verified by the certification body before the certification decision; a stage 2 major not verified within 6 months of the last day of stage 2 means stage 2 is repeated. Minors: a plan accepted by the certification body within 30 days; implementation is verified at the next audit. OFIs carry no deadline.',
    },
  },
  {
    key: 'working-days-10-21',
    name: 'CAP in 10 working days (major) or 21 (minor)',
    definition: {
      dayKind: 'working',
      anchor: 'report_received',
      grades: {
        major: { capDays: 10, evidenceDays: 30, closeDays: 60 },
        minor: { capDays: 21, evidenceDays: 42, closeDays: 90 },
      },
      notes:
        'Counted in working days from the day the report was received; working days skip weekends and the organisation holidays. CAP: 10 working days for a major, 21 for a minor. Evidence: 30 / 42 working days (about six and eight weeks, twice the plan time so actions can be implemented). Closure: 60 / 90 working days (about three and four months, inside the 6 months within which a certification body usually verifies corrections).',
    },
  },
  {
    key: 'fast-14-30-60',
    name: 'Tight schedule: CAP 14 days, evidence 30 days, closure 60 days',
    definition: {
      dayKind: 'calendar',
      anchor: 'report_received',
      grades: {
        major: { capDays: 14, evidenceDays: 30, closeDays: 60 },
        minor: { capDays: 14, evidenceDays: 30, closeDays: 60 },
      },
      notes:
        "The seed guide's tight schedule, counted from the day the report was received: corrective action plan within 14 days, Evidence of Correction within 30, closure within 60, for majors and minors alike. Stricter than most certification bodies ask for minors, whose implementation is usually verified at the next audit.",
    },
  },
].map((p) => deadlinePolicySchema.parse(p));

/** Keys of presets that were renamed; a migration moved stored policies and audits to the new key. */
export const RENAMED_POLICY_KEYS: Record<string, string> = { 'guide-14-30-60': 'fast-14-30-60' };

/** The default of a new organisation (an organisation may choose its own default). */
export const DEFAULT_POLICY_KEY = 'cb-90';

export interface FindingDeadlines {
  capDueOn: string | null;
  evidenceDueOn: string | null;
  closeByOn: string | null;
}

const none: FindingDeadlines = { capDueOn: null, evidenceDueOn: null, closeByOn: null };

/** The dates an audit offers as anchors. */
export interface AnchorDates {
  endsOn: string | null;
  closingMeetingOn?: string | null | undefined;
  reportReceivedOn: string | null;
}

/** The day this policy counts from for this audit; null when the audit does not have it yet. */
export function anchorDate(policy: DeadlinePolicyDefinition, a: AnchorDates): string | null {
  switch (policy.anchor ?? 'audit_end') {
    case 'report_received':
      return a.reportReceivedOn;
    // The closing meeting is normally held on the last day of the audit.
    case 'closing_meeting':
      return a.closingMeetingOn ?? a.endsOn;
    default:
      return a.endsOn;
  }
}

export function verifiedAtNextAudit(policy: DeadlinePolicyDefinition, grade: Grade): boolean {
  return (
    policy.grades[grade]?.verifiedAtNextAudit === true ||
    (grade === 'minor' && policy.minorPlanVerifiedAtNextAudit === true)
  );
}

/**
 * The three dates a finding must meet; null where the policy sets none (OFIs, observations, positives)
 * and for stage 1 areas of concern, which are resolved before stage 2 rather than against deadlines.
 */
export function deriveFindingDeadlines(
  policy: DeadlinePolicyDefinition,
  grade: Grade,
  anchors: AnchorDates,
  calendar: WorkingCalendar,
  options: { areasOfConcern?: boolean } = {},
): FindingDeadlines {
  const from = anchorDate(policy, anchors);
  if (!from || options.areasOfConcern) return none;
  const days = policy.grades[grade];
  if (!days) return none;
  const planOnly = verifiedAtNextAudit(policy, grade);
  const add = (n: number | null | undefined) => {
    if (n === null || n === undefined) return null;
    return policy.dayKind === 'working' ? addWorkingDays(from, n, calendar) : addCalendarDays(from, n);
  };
  return {
    capDueOn: add(days.capDays),
    evidenceDueOn: planOnly ? null : add(days.evidenceDays),
    closeByOn: planOnly ? null : add(days.closeDays),
  };
}
