import { addCalendarDays, addMonths, addYears, daysBetween, parseIsoDate } from '../calendar/iso-date.ts';
import { isWorkingDay, type WorkingCalendar } from '../calendar/working-days.ts';
import { type ClosureTime, closureDueOn, latestAuditFor } from './closure-window.ts';

// The three-year certification cycle (ISO/IEC 17021-1 9.1.3.2 and 9.6): surveillance audits at least once
// a calendar year, the first no later than 12 months after the certification decision (9.6.2.2), then a
// recertification audit planned early enough that its nonconformities can be corrected and the renewal
// decided before the certificate expires (9.6.3).
//
// Date conventions (all ISO dates, month ends clamped, see calendar/iso-date.ts):
// - expiry = the day before the anniversary: a certificate issued 2027-01-31 is valid through 2030-01-30.
//   A certificate issued on 29 February has its anniversary on 1 March of a common year, so it is valid
//   through 28 February (2028-02-29 → 2031-02-28), a full three years; clamping the anniversary to
//   28 February would cut one day off the certificate.
// - a surveillance audit is due on its anniversary (issue + interval × n months) and its window opens
//   `windowMonths` before; it is never planned after the anniversary.
// - the recertification window closes at the latest date that leaves the lead time AND the policy's
//   closure time before expiry, and no later than the surveillance it replaces would be due; the plan
//   keeps `planningMarginDays` in hand inside each window.

export interface CycleSettings {
  issuedOn: string;
  /** Certificate validity; 3 years under ISO/IEC 17021-1 9.1.3.2. */
  validityYears?: number;
  /** Months between surveillance audits; at most 12 (at least once a calendar year), e.g. 9 or 6. */
  surveillanceIntervalMonths?: number;
  /** How many months before its due date an audit window opens. */
  windowMonths?: number;
  /** The recertification audit takes place at least this many days before expiry. */
  recertificationLeadDays?: number;
  /** Closure time of the deadline policy (major nonconformities); extends the lead when longer. */
  closure?: ClosureTime | null;
  /** Days kept in hand before the end of each window, so a slip does not miss it. */
  planningMarginDays?: number;
  /** When given, planned dates move back to the previous working day. */
  calendar?: WorkingCalendar;
  /** The expiry printed on the certificate, when it differs from the convention above. */
  expiresOn?: string;
}

export interface PlannedAudit {
  type: 'surveillance' | 'recertification';
  sequence: number;
  windowStart: string;
  windowEnd: string;
  plannedOn: string;
}

export interface CertificationCycle {
  issuedOn: string;
  expiresOn: string;
  audits: PlannedAudit[];
}

const earlier = (a: string, b: string): string => (a < b ? a : b);

/** Last day of validity of a certificate issued on `issuedOn` for `years` years. */
export function certificateExpiry(issuedOn: string, years: number): string {
  const anniversary = addYears(issuedOn, years);
  // 29 Feb + n years lands on 28 Feb (clamped) in a common year: the real anniversary is 1 March.
  if (issuedOn.endsWith('-02-29') && anniversary.endsWith('-02-28')) return anniversary;
  return addCalendarDays(anniversary, -1);
}

function whole(value: number, what: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${what} must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

/** The date `margin` days before the window end, on a working day, never before the window start. */
function planWithin(windowStart: string, windowEnd: string, margin: number, cal?: WorkingCalendar): string {
  let planned = addCalendarDays(windowEnd, -margin);
  if (planned < windowStart) planned = windowStart;
  if (cal) {
    let d = planned;
    while (d >= windowStart && !isWorkingDay(d, cal)) d = addCalendarDays(d, -1);
    if (d >= windowStart) planned = d;
  }
  return planned;
}

/** Surveillance audits and the recertification audit of one certificate, with its expiry date. */
export function planCertificationCycle(settings: CycleSettings): CertificationCycle {
  const { issuedOn, calendar } = settings;
  parseIsoDate(issuedOn);
  const validity = whole(settings.validityYears ?? 3, 'validity years', 1, 10);
  const interval = whole(settings.surveillanceIntervalMonths ?? 12, 'surveillance interval months', 1, 12);
  const windowMonths = whole(settings.windowMonths ?? 3, 'window months', 0, interval);
  const lead = whole(settings.recertificationLeadDays ?? 90, 'recertification lead days', 0, 730);
  const margin = whole(settings.planningMarginDays ?? 14, 'planning margin days', 0, 365);
  const expiresOn = settings.expiresOn ?? certificateExpiry(issuedOn, validity);
  if (expiresOn <= issuedOn) throw new RangeError('the certificate must expire after it is issued');

  const byLead = addCalendarDays(expiresOn, -lead);
  const byClosure = settings.closure ? latestAuditFor(expiresOn, settings.closure) : byLead;
  const latestRecert = earlier(byClosure, byLead);
  if (latestRecert <= issuedOn) {
    throw new RangeError(
      `no recertification date leaves ${lead} days and the closure time before expiry on ${expiresOn}`,
    );
  }
  const recertStart = addMonths(latestRecert, -windowMonths);

  const audits: PlannedAudit[] = [];
  // Surveillance continues while it falls before the recertification window; the recertification audit
  // takes the place of the surveillance of its year (17021-1 9.6.2.2), so it is due no later than that
  // surveillance would have been: no more than one interval after the previous audit.
  let due = issuedOn;
  for (let n = 1; ; n++) {
    due = addMonths(issuedOn, interval * n);
    if (due >= recertStart) break;
    const start = addMonths(due, -windowMonths);
    const windowStart = start > issuedOn ? start : addCalendarDays(issuedOn, 1);
    audits.push({
      type: 'surveillance',
      sequence: n,
      windowStart,
      windowEnd: due,
      plannedOn: planWithin(windowStart, due, margin, calendar),
    });
  }
  const windowStart = recertStart > issuedOn ? recertStart : addCalendarDays(issuedOn, 1);
  const recertEnd = earlier(latestRecert, due);
  audits.push({
    type: 'recertification',
    sequence: 1,
    windowStart,
    windowEnd: recertEnd,
    plannedOn: planWithin(windowStart, recertEnd, margin, calendar),
  });
  return { issuedOn, expiresOn, audits };
}

export interface RecertificationRisk {
  code: 'audit_after_expiry' | 'closure_after_expiry';
  /** The latest audit date from which findings can still close before expiry. */
  latestSafeAuditOn: string;
  /** Days by which the planned audit is too late. */
  shortfallDays: number;
  message: string;
}

/**
 * Warns when nonconformities raised at a recertification audit on `plannedOn` could not be closed (by
 * the policy's closure time) before the certificate expires: the renewal decision would then come after
 * expiry and certification would lapse (17021-1 9.6.3). `closeDays` is a number of calendar days or
 * the policy's closure time; null means the policy sets no closure deadline, so only an audit after expiry
 * is flagged.
 */
export function recertificationRisk(
  plannedOn: string,
  expiresOn: string,
  closeDays: number | ClosureTime | null,
): RecertificationRisk | null {
  if (plannedOn > expiresOn) {
    return {
      code: 'audit_after_expiry',
      latestSafeAuditOn: expiresOn,
      shortfallDays: daysBetween(expiresOn, plannedOn),
      message: `the recertification audit on ${plannedOn} comes after the certificate expires on ${expiresOn}`,
    };
  }
  if (closeDays === null) return null;
  const closure: ClosureTime =
    typeof closeDays === 'number' ? { days: closeDays, dayKind: 'calendar' } : closeDays;
  const closedBy = closureDueOn(plannedOn, closure);
  if (closedBy <= expiresOn) return null;
  const latestSafeAuditOn = latestAuditFor(expiresOn, closure);
  const unit = closure.dayKind === 'working' ? 'working days' : 'days';
  return {
    code: 'closure_after_expiry',
    latestSafeAuditOn,
    shortfallDays: daysBetween(latestSafeAuditOn, plannedOn),
    message: `findings of an audit on ${plannedOn} may take until ${closedBy} to close (${closure.days} ${unit}), after the certificate expires on ${expiresOn}: audit on ${latestSafeAuditOn} or earlier`,
  };
}
