import { isoWeekday } from '../calendar/iso-date.ts';
import type { Availability, DayIndex } from './availability.ts';
import type { PlanPerson, PlanTask, WorkloadWeek } from './model.ts';

/**
 * Each person's planned remediation days per ISO week against what they can give (share × available
 * days), from today to the end of their last task: the workload view shows where someone is the bottleneck.
 */
export function calendarWorkload(
  days: DayIndex,
  open: PlanTask[],
  people: Map<string, PlanPerson>,
  start: Map<string, number>,
  end: Map<string, number>,
  availabilityOf: (owner: string | null) => Availability,
): { personId: string; weeks: WorkloadWeek[] }[] {
  const result: { personId: string; weeks: WorkloadWeek[] }[] = [];
  for (const person of people.values()) {
    const own = open.filter((t) => t.ownerId === person.id);
    const horizon = Math.max(10, ...own.map((t) => end.get(t.id) ?? 0));
    const share = Math.min(1, Math.max(0.05, person.share));
    const isAvailable = availabilityOf(person.id);
    const weeks = new Map<string, WorkloadWeek>();
    for (let i = 0; i < horizon; i++) {
      const date = days.date(i);
      const weekStart = days.date(i - (isoWeekday(date) - 1));
      const w = weeks.get(weekStart) ?? { weekStart, plannedDays: 0, capacityDays: 0 };
      if (isAvailable(i)) {
        w.capacityDays += share;
        if (own.some((t) => start.get(t.id)! <= i && i < end.get(t.id)!)) w.plannedDays += share;
      }
      weeks.set(weekStart, w);
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    result.push({
      personId: person.id,
      weeks: [...weeks.values()].map((w) => ({
        ...w,
        plannedDays: round(w.plannedDays),
        capacityDays: round(w.capacityDays),
      })),
    });
  }
  return result;
}
