// Calendar arithmetic on ISO dates ('YYYY-MM-DD') in UTC, so a deadline never shifts with the server's
// time zone or daylight saving. Deadlines are dates, not instants.

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(date: string): Date {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== date) throw new RangeError(`no such date: ${date}`);
  return d;
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
  return formatIsoDate(new Date(parseIsoDate(date).getTime() + days * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS);
}

/** Adds months, clamping to the month's last day: 31 Jan + 1 month = 28 or 29 Feb, never 2 or 3 Mar. */
export function addMonths(date: string, months: number): string {
  const d = parseIsoDate(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return formatIsoDate(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))));
}

/** Adds years; 29 Feb of a leap year + 1 year = 28 Feb. */
export const addYears = (date: string, years: number): string => addMonths(date, years * 12);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = parseIsoDate(date).getUTCDay();
  return d === 0 ? 7 : d;
}
