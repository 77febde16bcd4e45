import { addCalendarDays } from '../calendar/iso-date.ts';
import { isWorkingDay, type WorkingCalendar } from '../calendar/working-days.ts';
import type { Problem, Task } from '../scheduling/model.ts';
import { solve } from '../scheduling/solve.ts';

// Forecast of a remediation plan: corrective actions become a resource-constrained schedule in working
// days (each owner is a resource who does one task at a time at their share of a day), then every
// finding's finish date is compared with its Evidence of Correction and closure deadlines. For each miss,
// the chain of tasks that pushes it late is named, so the ISMS manager knows what to change.

export interface PlanTask {
  id: string;
  title: string;
  findingId: string;
  ownerId: string | null;
  effortDays: number;
  done: boolean;
  predecessors: { id: string; lagDays: number }[];
  /** The task may not start before this date. */
  earliestStart?: string | null;
}

export interface PlanPerson {
  id: string;
  /** Share of a working day available for remediation, 0 < share ≤ 1. */
  share: number;
}

export interface PlanFinding {
  id: string;
  ref: string;
  evidenceDueOn: string | null;
  closeByOn: string | null;
}

export interface TaskForecast {
  id: string;
  startOn: string;
  finishOn: string;
  durationDays: number;
}

export interface FindingForecast {
  id: string;
  ref: string;
  finishOn: string | null;
  misses: { deadline: 'evidence' | 'close'; dueOn: string; lateByWorkingDays: number; chain: string[] }[];
}

export interface Forecast {
  tasks: TaskForecast[];
  findings: FindingForecast[];
  makespanDays: number;
}

/** The k-th working day counting today (or the next working day) as day 0. */
function workingDayIndexer(today: string, calendar: WorkingCalendar) {
  const days: string[] = [];
  let d = today;
  return (k: number): string => {
    while (days.length <= k) {
      while (!isWorkingDay(d, calendar)) d = addCalendarDays(d, 1);
      days.push(d);
      d = addCalendarDays(d, 1);
    }
    return days[k]!;
  };
}

function indexOnOrAfter(date: string, dayAt: (k: number) => string): number {
  let k = 0;
  while (dayAt(k) < date) k += 1;
  return k;
}

export function forecastPlan(input: {
  today: string;
  calendar: WorkingCalendar;
  tasks: PlanTask[];
  people: PlanPerson[];
  findings: PlanFinding[];
  timeLimitMs: number;
  now: () => number;
}): Forecast {
  const dayAt = workingDayIndexer(input.today, input.calendar);
  const open = input.tasks.filter((t) => !t.done);
  const openIds = new Set(open.map((t) => t.id));
  const share = new Map(input.people.map((p) => [p.id, Math.min(1, Math.max(0.05, p.share))]));
  const durationOf = (t: PlanTask) => {
    const s = t.ownerId ? (share.get(t.ownerId) ?? 1) : 1;
    return t.effortDays <= 0 ? 0 : Math.ceil(t.effortDays / s - 1e-9);
  };
  const owners = [...new Set(open.map((t) => t.ownerId).filter((o): o is string => o !== null))];
  const problem: Problem = {
    resources: owners.map((id) => ({ id, capacity: 1 })),
    tasks: open.map((t): Task => {
      const preds = t.predecessors.filter((p) => openIds.has(p.id));
      return {
        id: t.id,
        duration: durationOf(t),
        demands: t.ownerId ? { [t.ownerId]: 1 } : {},
        predecessors: preds.map((p) => p.id),
        lags: Object.fromEntries(preds.map((p) => [p.id, Math.max(0, Math.round(p.lagDays))])),
        ...(t.earliestStart && t.earliestStart > input.today
          ? { earliestStart: indexOnOrAfter(t.earliestStart, dayAt) }
          : {}),
      };
    }),
  };
  const result =
    open.length > 0
      ? solve(problem, { timeLimitMs: input.timeLimitMs, now: input.now, seed: 1 })
      : { makespan: 0, starts: {} as Record<string, number> };
  const start = (id: string) => result.starts[id] ?? 0;
  const byId = new Map(open.map((t) => [t.id, t]));
  const finishIndex = (id: string) => start(id) + durationOf(byId.get(id)!);
  const tasks: TaskForecast[] = open.map((t) => {
    const d = durationOf(t);
    return {
      id: t.id,
      startOn: dayAt(start(t.id)),
      finishOn: dayAt(Math.max(start(t.id), start(t.id) + d - 1)),
      durationDays: d,
    };
  });

  /** Walks back from a task through whatever made it start when it did: a predecessor, then its owner's previous task. */
  const chainTo = (id: string): string[] => {
    const chain = [id];
    let cur = byId.get(id)!;
    for (let guard = 0; guard < open.length; guard++) {
      const s = start(cur.id);
      if (s === 0) break;
      const pred = cur.predecessors.find(
        (p) => byId.has(p.id) && finishIndex(p.id) + Math.max(0, Math.round(p.lagDays)) === s,
      );
      const sameOwner = cur.ownerId
        ? open.find((o) => o.id !== cur.id && o.ownerId === cur.ownerId && finishIndex(o.id) === s)
        : undefined;
      const next = pred ? byId.get(pred.id) : sameOwner;
      if (!next || chain.includes(next.id)) break;
      chain.unshift(next.id);
      cur = next;
    }
    return chain.map((t) => byId.get(t)!.title);
  };

  const findings: FindingForecast[] = input.findings.map((f) => {
    const own = open.filter((t) => t.findingId === f.id);
    if (own.length === 0) return { id: f.id, ref: f.ref, finishOn: null, misses: [] };
    const last = own.reduce((a, b) => (finishIndex(b.id) > finishIndex(a.id) ? b : a));
    const finishOn = tasks.find((t) => t.id === last.id)!.finishOn;
    const misses: FindingForecast['misses'] = [];
    for (const [deadline, dueOn] of [
      ['evidence', f.evidenceDueOn],
      ['close', f.closeByOn],
    ] as const) {
      if (dueOn && finishOn > dueOn) {
        const late = Math.max(
          1,
          finishIndex(last.id) -
            1 -
            indexOnOrAfter(dueOn, dayAt) +
            (isWorkingDay(dueOn, input.calendar) ? 0 : 1),
        );
        misses.push({ deadline, dueOn, lateByWorkingDays: late, chain: chainTo(last.id) });
      }
    }
    return { id: f.id, ref: f.ref, finishOn, misses };
  });
  return { tasks, findings, makespanDays: result.makespan };
}
