// Calendar arithmetic on ISO dates ('YYYY-MM-DD') in UTC, so a deadline never shifts with the server's
// time zone or daylight saving. Deadlines are dates, not instants.

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A UTC midnight; setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999. */
function utc(year: number, monthIndex: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d;
}

function wholeNumber(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

export function parseIsoDate(date: string): Date {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const d = utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (d.toISOString().slice(0, 10) !== date) throw new RangeError(`no such date: ${date}`);
  return d;
}

/**
 * The nearest real date in the same month for a stored impossible one (2026-02-30 → 2026-02-28; month 13
 * → December, 00 → January), so a date stored before validation was strict never takes a page down.
 */
export function nearestRealDate(date: string): string | null {
  const m = ISO.exec(date);
  if (!m) return null;
  const month = Math.min(12, Math.max(1, Number(m[2])));
  const last = utc(Number(m[1]), month, 0).getUTCDate();
  const day = Math.min(last, Math.max(1, Number(m[3])));
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const formatIsoDate = (d: Date): string => d.toISOString().slice(0, 10);

export function isIsoDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

export function addCalendarDays(date: string, days: number): string {
  wholeNumber(days, 'days');
  return formatIsoDate(new Date(parseIsoDate(date).getTime() + days * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS);
}

/** Adds months, clamping to the month's last day: 31 Jan + 1 month = 28 or 29 Feb, never 2 or 3 Mar. */
export function addMonths(date: string, months: number): string {
  wholeNumber(months, 'months');
  const d = parseIsoDate(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = utc(y, m + 1, 0).getUTCDate();
  return formatIsoDate(utc(y, m, Math.min(d.getUTCDate(), lastDay)));
}

/** Adds years; 29 Feb of a leap year + 1 year = 28 Feb (and + 4 years = 29 Feb again). */
export function addYears(date: string, years: number): string {
  wholeNumber(years, 'years');
  return addMonths(date, years * 12);
}

/** The last day of the date's month (29 in February of a leap year). */
export function endOfMonth(date: string): string {
  const d = parseIsoDate(date);
  return formatIsoDate(utc(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = parseIsoDate(date).getUTCDay();
  return d === 0 ? 7 : d;
}
