// Section (c): the planner's forecast of a 2,000-task remediation plan (corrective actions of 300
// findings, 40 people at various shares with time off, ~4,000 dependencies) at the server's budget.
import { addCalendarDays } from '../src/domain/calendar/iso-date.ts';
import { defaultCalendar } from '../src/domain/calendar/working-days.ts';
import { forecastPlan } from '../src/domain/planning/forecast.ts';
import type { PlanInput } from '../src/domain/planning/model.ts';

export function runForecast(limitMs: number) {
  let seed = 42;
  const rnd = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const today = '2027-03-01';
  const people = Array.from({ length: 40 }, (_, i) => ({
    id: `p${i}`,
    share: [0.25, 0.5, 1][i % 3]!,
    timeOff: [{ from: addCalendarDays(today, 10 + (i % 20)), to: addCalendarDays(today, 14 + (i % 20)) }],
  }));
  const findings = Array.from({ length: 300 }, (_, i) => ({
    id: `f${i}`,
    ref: `NC-${i}`,
    evidenceDueOn: addCalendarDays(today, 30 + (i % 30)),
    closeByOn: addCalendarDays(today, 90),
  }));
  const tasks: PlanInput['tasks'] = Array.from({ length: 2000 }, (_, i) => ({
    id: `t${i}`,
    title: `task ${i}`,
    findingId: `f${i % 300}`,
    ownerId: `p${Math.floor(rnd() * 40)}`,
    effortDays: 0.5 + Math.floor(rnd() * 8) / 2,
    done: false,
    predecessors: i < 10 ? [] : [0, 1].map(() => ({ id: `t${Math.floor(rnd() * i)}`, lagDays: 0 })),
  }));
  const started = performance.now();
  const f = forecastPlan({
    tasks,
    people,
    findings,
    today,
    calendar: defaultCalendar(),
    timeLimitMs: limitMs,
    now: () => performance.now(),
  });
  const ms = performance.now() - started;
  return {
    ms,
    atRisk: f.findings.filter((x) => x.status === 'at_risk').length,
    makespanDays: f.makespanDays,
    tasks: tasks.length,
  };
}
