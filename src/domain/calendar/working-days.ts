import { addCalendarDays, isoWeekday } from './iso-date.ts';

export interface WorkingCalendar {
  /** ISO weekdays that are not worked; Saturday and Sunday by default. */
  weekend: ReadonlySet<number>;
  /** The organisation's public holidays and closures, as ISO dates. */
  holidays: ReadonlySet<string>;
}

export const defaultCalendar = (holidays: Iterable<string> = []): WorkingCalendar => ({
  weekend: new Set([6, 7]),
  holidays: new Set(holidays),
});

export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  return !cal.weekend.has(isoWeekday(date)) && !cal.holidays.has(date);
}

/**
 * The date `n` working days after `date` (the start day itself is not counted, as a certification
 * body counts "within 10 working days of the report"). n = 0 returns the date itself.
 */
export function addWorkingDays(date: string, n: number, cal: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('working days must be a whole number ≥ 0');
  if (cal.weekend.size >= 7) throw new RangeError('a calendar needs at least one working weekday');
  let current = date;
  let left = n;
  // Bounded: even with a holiday every weekday, a year of holidays only delays by a year.
  for (let guard = 0; left > 0; guard++) {
    if (guard > n * 7 + 800) throw new RangeError('the holiday list leaves no working days');
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current, cal)) left -= 1;
  }
  return current;
}

export function countWorkingDays(from: string, to: string, cal: WorkingCalendar): number {
  let n = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}
