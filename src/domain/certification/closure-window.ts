import { addCalendarDays, daysBetween } from '../calendar/iso-date.ts';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from '../calendar/working-days.ts';

// How long the organisation needs after an audit to close its nonconformities, in the deadline policy's
// own unit: the closure days of the policy (calendar days, or working days on the organisation calendar).

export interface ClosureTime {
  days: number;
  dayKind: 'calendar' | 'working';
  /** Needed when dayKind is 'working'. */
  calendar?: WorkingCalendar | undefined;
}

function workingCalendar(c: ClosureTime): WorkingCalendar {
  if (!c.calendar) throw new RangeError('closure counted in working days needs the organisation calendar');
  return c.calendar;
}

/** The day by which findings raised at an audit on `auditOn` must be closed. */
export function closureDueOn(auditOn: string, c: ClosureTime): string {
  return c.dayKind === 'working'
    ? addWorkingDays(auditOn, c.days, workingCalendar(c))
    : addCalendarDays(auditOn, c.days);
}

/** The latest audit date whose findings can still be closed by `deadline`. */
export function latestAuditFor(deadline: string, c: ClosureTime): string {
  if (!Number.isInteger(c.days) || c.days < 0)
    throw new RangeError('closure days must be a whole number ≥ 0');
  if (c.dayKind === 'calendar') return addCalendarDays(deadline, -c.days);
  const cal = workingCalendar(c);
  // Walk back until `days` working days lie in (audit, deadline], as addWorkingDays counts them.
  let audit = deadline;
  for (let counted = 0; counted < c.days; audit = addCalendarDays(audit, -1)) {
    if (daysBetween(audit, deadline) > c.days * 7 + 800)
      throw new RangeError('the calendar has no working days');
    if (isWorkingDay(audit, cal)) counted += 1;
  }
  return audit;
}
