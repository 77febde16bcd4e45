import { addCalendarDays, isoWeekday } from '../calendar/iso-date.ts';
import { isWorkingDay, type WorkingCalendar } from '../calendar/working-days.ts';
import type { PlanPerson } from './model.ts';

// Days are indexed from today (index 0). The organisation's working days (weekends, holidays) apply to
// everyone; a person's own working weekdays and time off narrow them further.

export class DayIndex {
  private readonly dates: string[] = [];
  private readonly working: boolean[] = [];
  constructor(
    readonly today: string,
    private readonly calendar: WorkingCalendar,
  ) {}

  private grow(i: number) {
    for (let k = this.dates.length; k <= i; k++) {
      const d = addCalendarDays(this.today, k);
      this.dates.push(d);
      this.working.push(isWorkingDay(d, this.calendar));
    }
  }

  date(i: number): string {
    if (i < 0) return addCalendarDays(this.today, i);
    this.grow(i);
    return this.dates[i]!;
  }

  orgWorking(i: number): boolean {
    this.grow(i);
    return this.working[i]!;
  }

  /** Index of a date (negative before today). */
  indexOf(date: string): number {
    return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${this.today}T00:00:00Z`)) / 86_400_000);
  }

  /** The index reached after `lag` organisation working days, counting from `from` (exclusive end). */
  afterWorkingDays(from: number, lag: number): number {
    let k = from;
    for (let n = 0; n < lag; k++) if (this.orgWorking(k)) n++;
    return k;
  }

  /** Organisation working days after `a` up to and including `b` (0 when b ≤ a). */
  workingDaysBetween(a: number, b: number): number {
    let n = 0;
    for (let k = Math.max(a + 1, 0); k <= b; k++) if (this.orgWorking(k)) n++;
    return n;
  }
}

export type Availability = (i: number) => boolean;

export function personAvailability(days: DayIndex, person: PlanPerson | undefined): Availability {
  if (!person) return (i) => days.orgWorking(i);
  const weekdays = new Set(person.weekdays ?? [1, 2, 3, 4, 5]);
  const off = (person.timeOff ?? []).map((o) => [days.indexOf(o.from), days.indexOf(o.to)] as const);
  return (i) =>
    days.orgWorking(i) && weekdays.has(isoWeekday(days.date(i))) && !off.some(([a, b]) => i >= a && i <= b);
}
