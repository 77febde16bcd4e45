import { addCalendarDays, addMonths, addYears, daysBetween, parseIsoDate } from '../calendar/iso-date.ts';
import { isWorkingDay, type WorkingCalendar } from '../calendar/working-days.ts';
import { type ClosureTime, closureDueOn, latestAuditFor } from './closure-window.ts';

// The three-year certification cycle (ISO/IEC 17021-1 9.1.3.2 and 9.6), anchored on the certification
// decision date (the issue date by default): the cycle begins with the decision (9.1.3.2), surveillance
// audits take place at least once in every calendar year that is not a recertification year, the first
// no later than 12 months after the decision (9.6.2.2), and the recertification audit is planned early
// enough that its nonconformities can be corrected and the renewal decided before expiry (9.6.3).
//
// Each surveillance audit belongs to one calendar year and its window stays inside that year, so an audit
// moved anywhere inside its window still leaves no calendar year without an audit. The year is the one
// holding the larger part of the anniversary window: a certificate decided 2027-01-05 has its first
// surveillance in October–December 2027 and its second in October–December 2028, never 2027-10-05 and
// 2029-01-04 with nothing in 2028.
//
// Date conventions (all ISO dates, month ends clamped, see calendar/iso-date.ts):
// - expiry = the day before the anniversary of the decision: decided 2027-01-31, valid through
//   2030-01-30. Decided on 29 February, the anniversary is 1 March of a common year, so it is valid
//   through 28 February (2028-02-29 → 2031-02-28), a full three years.
// - a surveillance audit is due on its anniversary (decision + interval × n months) and its window opens
//   `windowMonths` before; it is never planned after the anniversary.
// - the recertification window closes at the latest date that leaves the lead time AND the policy's
//   closure time before expiry, and no later than the surveillance it replaces would be due; the plan
//   keeps `planningMarginDays` in hand inside each window.

export interface CycleSettings {
  issuedOn: string;
  /** Certification decision date (17021-1 9.1.3.2 anchors the cycle on it); default: the issue date. */
  decidedOn?: string;
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
  decidedOn: string;
  expiresOn: string;
  audits: PlannedAudit[];
}

const earlier = (a: string, b: string): string => (a < b ? a : b);
const later = (a: string, b: string): string => (a > b ? a : b);
const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Last day of validity of a certificate decided on `decidedOn` for `years` years. */
export function certificateExpiry(decidedOn: string, years: number): string {
  const anniversary = addYears(decidedOn, years);
  // 29 Feb + n years lands on 28 Feb (clamped) in a common year: the real anniversary is 1 March.
  if (decidedOn.endsWith('-02-29') && anniversary.endsWith('-02-28')) return anniversary;
  return addCalendarDays(anniversary, -1);
}

/** Days from `from` to `to`, both included. */
const span = (from: string, to: string): number => daysBetween(from, to) + 1;

/**
 * The window [start, end] cut to the calendar year holding its larger part (ties: the later year), so
 * that every date inside it falls in one calendar year.
 */
export function windowInOneYear(start: string, end: string): { year: number; start: string; end: string } {
  const y = yearOf(end);
  if (yearOf(start) === y) return { year: y, start, end };
  const jan1 = `${y}-01-01`;
  const dec31 = `${y - 1}-12-31`;
  if (span(jan1, end) >= span(start, dec31)) return { year: y, start: jan1, end };
  return { year: y - 1, start: later(start, `${y - 1}-01-01`), end: dec31 };
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

/**
 * Calendar years of the cycle without an audit: every year after the decision year up to the year of the
 * recertification audit needs one (17021-1 9.6.2.2; the decision year holds the initial audit). With no
 * recertification audit given, up to the year of the latest audit.
 */
export function yearsWithoutAudit(
  decidedOn: string,
  audits: readonly { type: string; on: string }[],
): number[] {
  const years = new Set(audits.map((a) => yearOf(a.on)));
  const recert = audits.find((a) => a.type === 'recertification');
  const last = recert ? yearOf(recert.on) : Math.max(yearOf(decidedOn), ...years);
  const out: number[] = [];
  for (let y = yearOf(decidedOn) + 1; y <= last; y++) if (!years.has(y)) out.push(y);
  return out;
}

/** Surveillance audits and the recertification audit of one certificate, with its expiry date. */
export function planCertificationCycle(settings: CycleSettings): CertificationCycle {
  const { issuedOn, calendar } = settings;
  parseIsoDate(issuedOn);
  const decidedOn = settings.decidedOn ?? issuedOn;
  parseIsoDate(decidedOn);
  const validity = whole(settings.validityYears ?? 3, 'validity years', 1, 10);
  const interval = whole(settings.surveillanceIntervalMonths ?? 12, 'surveillance interval months', 1, 12);
  const windowMonths = whole(settings.windowMonths ?? 3, 'window months', 0, interval);
  const lead = whole(settings.recertificationLeadDays ?? 90, 'recertification lead days', 0, 730);
  const margin = whole(settings.planningMarginDays ?? 14, 'planning margin days', 0, 365);
  const expiresOn = settings.expiresOn ?? certificateExpiry(decidedOn, validity);
  if (expiresOn <= decidedOn) throw new RangeError('the certificate must expire after it is decided');
  const afterDecision = addCalendarDays(decidedOn, 1);

  const byLead = addCalendarDays(expiresOn, -lead);
  const byClosure = settings.closure ? latestAuditFor(expiresOn, settings.closure) : byLead;
  const latestRecert = earlier(byClosure, byLead);
  if (latestRecert <= decidedOn) {
    throw new RangeError(
      `no recertification date leaves ${lead} days and the closure time before expiry on ${expiresOn}`,
    );
  }
  const recert = windowInOneYear(later(addMonths(latestRecert, -windowMonths), afterDecision), latestRecert);

  const audits: PlannedAudit[] = [];
  // Surveillance in every calendar year before the recertification year (9.6.2.2); the recertification
  // audit takes the place of the surveillance of its year, so it is due no later than that surveillance
  // would have been: no more than one interval after the previous audit.
  let due = decidedOn;
  for (let n = 1; ; n++) {
    due = addMonths(decidedOn, interval * n);
    const w = windowInOneYear(later(addMonths(due, -windowMonths), afterDecision), due);
    if (w.end >= recert.start) break;
    audits.push({
      type: 'surveillance',
      sequence: n,
      windowStart: w.start,
      windowEnd: w.end,
      plannedOn: planWithin(w.start, w.end, margin, calendar),
    });
  }
  const recertEnd = earlier(recert.end, due);
  audits.push({
    type: 'recertification',
    sequence: 1,
    windowStart: recert.start,
    windowEnd: recertEnd,
    plannedOn: planWithin(recert.start, recertEnd, margin, calendar),
  });
  const missing = yearsWithoutAudit(
    decidedOn,
    audits.map((a) => ({ type: a.type, on: a.windowStart })),
  );
  if (missing.length > 0) throw new RangeError(`no audit can be planned in ${missing.join(', ')}`);
  return { issuedOn, decidedOn, expiresOn, audits };
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
