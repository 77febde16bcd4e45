import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { Problem, Task } from '../scheduling/model.ts';
import { solve } from '../scheduling/solve.ts';
import { type Availability, DayIndex, personAvailability } from './availability.ts';
import {
  type Deadline,
  type DeadlineMiss,
  deadlineRank,
  type FindingForecast,
  type Forecast,
  type PlanInput,
  type PlanTask,
  type StartCause,
  type TaskForecast,
} from './model.ts';
import { calendarWorkload } from './workload.ts';

export type { Forecast, PlanFinding, PlanPerson, PlanTask } from './model.ts';

// Forecast of a remediation plan in two passes. First the resource-constrained solver (src/domain/
// scheduling) orders the open tasks in organisation working days, each owner being a resource who does one
// task at a time at their share of a day. Then that order is laid on the calendar person by person (their
// weekdays and time off), which keeps precedences, lags and one-task-at-a-time, and records what decided
// each start, so that every missed deadline comes with the chain of tasks that causes it (clause 10.2 c:
// the CAP must be realistic; the certification body's deadlines are the constraint).

const GIVE_UP_AFTER_DAYS = 366 * 20;

export function durationDays(task: PlanTask, share: number | undefined): number {
  if (task.effortDays <= 0) return 0;
  const s = Math.min(1, Math.max(0.05, share ?? 1));
  return Math.ceil(task.effortDays / s - 1e-9);
}

export function forecastPlan(
  input: PlanInput & {
    today: string;
    calendar: WorkingCalendar;
    timeLimitMs: number;
    now: () => number;
    /** A priority order to lay out as given (among ready tasks), e.g. the posture's fastest path. */
    fixedOrder?: readonly string[];
  },
): Forecast {
  const days = new DayIndex(input.today, input.calendar);
  const open = input.tasks.filter((t) => !t.done);
  const byId = new Map(open.map((t) => [t.id, t]));
  const people = new Map(input.people.map((p) => [p.id, p]));
  const dur = new Map(open.map((t) => [t.id, durationDays(t, t.ownerId ? people.get(t.ownerId)?.share : 1)]));
  const preds = (t: PlanTask) => t.predecessors.filter((p) => byId.has(p.id));
  const release = (t: PlanTask) =>
    t.earliestStart && t.earliestStart > input.today ? days.indexOf(t.earliestStart) : 0;

  // Pass 1: the solver decides the order (who goes first when an owner is contended).
  const owners = [...new Set(open.map((t) => t.ownerId).filter((o): o is string => o !== null))];
  const problem: Problem = {
    resources: owners.map((id) => ({ id, capacity: 1 })),
    tasks: open.map(
      (t): Task => ({
        id: t.id,
        duration: dur.get(t.id)!,
        demands: t.ownerId && dur.get(t.id)! > 0 ? { [t.ownerId]: 1 } : {},
        predecessors: preds(t).map((p) => p.id),
        lags: Object.fromEntries(preds(t).map((p) => [p.id, Math.max(0, Math.round(p.lagDays))])),
        ...(release(t) > 0 ? { earliestStart: days.workingDaysBetween(-1, release(t) - 1) } : {}),
      }),
    ),
  };
  const solved =
    open.length > 0 && !input.fixedOrder
      ? solve(problem, { timeLimitMs: input.timeLimitMs, now: input.now, seed: 1 })
      : { starts: {} as Record<string, number> };
  const topo = topologicalRank(open, preds);
  const order = [...open].sort(
    (a, b) => (solved.starts[a.id] ?? 0) - (solved.starts[b.id] ?? 0) || topo.get(a.id)! - topo.get(b.id)!,
  );

  const findingsById = new Map(input.findings.map((f) => [f.id, f]));
  const dueOfFinding = (findingId: string | null, serves: Deadline): string | null => {
    const f = findingId ? findingsById.get(findingId) : undefined;
    if (!f) return null;
    return (serves === 'cap' ? f.capDueOn : serves === 'evidence' ? f.evidenceDueOn : f.closeByOn) ?? null;
  };
  const dueOf = (t: PlanTask): string | null => {
    const own = [t.dueOn ?? null, dueOfFinding(t.findingId, t.serves ?? 'evidence')].filter(
      (d): d is string => d !== null,
    );
    return own.length > 0 ? own.sort()[0]! : null;
  };

  // Pass 2: lay an order on each person's calendar.
  const avail = new Map<string | null, Availability>();
  const availabilityOf = (owner: string | null) => {
    if (!avail.has(owner)) avail.set(owner, personAvailability(days, owner ? people.get(owner) : undefined));
    return avail.get(owner)!;
  };
  const layOut = (order: PlanTask[]) => {
    const start = new Map<string, number>();
    const end = new Map<string, number>(); // exclusive: the first day after the last day worked
    const cause = new Map<string, StartCause>();
    const ownerFree = new Map<string, { at: number; taskId: string }>();
    for (const t of order) {
      let e = release(t);
      let why: StartCause = e > 0 ? { kind: 'release' } : null;
      for (const p of preds(t)) {
        const c = days.afterWorkingDays(end.get(p.id)!, Math.max(0, Math.round(p.lagDays)));
        if (c > e || (c === e && why?.kind === 'release')) {
          e = c;
          why = { kind: 'predecessor', taskId: p.id };
        }
      }
      const d = dur.get(t.id)!;
      const free = t.ownerId && d > 0 ? ownerFree.get(t.ownerId) : undefined;
      if (free && free.at > e) {
        e = free.at;
        why = { kind: 'owner', taskId: free.taskId };
      }
      const isAvailable = availabilityOf(d > 0 ? t.ownerId : null);
      let s = e;
      let k = e;
      if (d > 0) {
        while (!isAvailable(s) && s - e < GIVE_UP_AFTER_DAYS) s++;
        let worked = 0;
        for (k = s; worked < d && k - s < GIVE_UP_AFTER_DAYS; k++) if (isAvailable(k)) worked++;
      }
      start.set(t.id, s);
      end.set(t.id, k);
      cause.set(t.id, why);
      if (t.ownerId && d > 0) ownerFree.set(t.ownerId, { at: k, taskId: t.id });
    }
    return { start, end, cause };
  };
  // The solver's order is best for the makespan; an earliest-deadline-first order is often better for
  // the certification body's dates. Both are laid out and the one that is late by fewer days wins.
  const dueIndex = new Map(open.map((t) => [t.id, dueOf(t)] as const));
  const lateness = (l: ReturnType<typeof layOut>) => {
    let late = 0;
    let last = 0;
    for (const t of open) {
      const due = dueIndex.get(t.id);
      const fin = Math.max(l.start.get(t.id)!, l.end.get(t.id)! - 1);
      if (due !== undefined && due !== null && fin > days.indexOf(due)) late += fin - days.indexOf(due);
      last = Math.max(last, l.end.get(t.id)!);
    }
    return late * 100_000 + last;
  };
  const rankOf = (id: string) => String(solved.starts[id] ?? 0).padStart(9, '0');
  const chosen = () => {
    if (input.fixedOrder) {
      const at = new Map(input.fixedOrder.map((id, i) => [id, String(i).padStart(9, '0')]));
      return layOut(readyFirst(open, preds, (t) => `${at.get(t.id) ?? '999999999'}|${rankOf(t.id)}`));
    }
    const bySolver = layOut(order);
    const byDeadline = layOut(
      readyFirst(open, preds, (t) => `${dueIndex.get(t.id) ?? '9999-12-31'}|${rankOf(t.id)}`),
    );
    return lateness(byDeadline) < lateness(bySolver) ? byDeadline : bySolver;
  };
  const { start, end, cause } = chosen();

  const lastDay = (id: string) => Math.max(start.get(id)!, end.get(id)! - 1);
  const chainTo = (id: string): string[] => {
    const chain = [id];
    for (let c = cause.get(id); c && c.kind !== 'release'; c = cause.get(c.taskId)) {
      if (chain.includes(c.taskId)) break;
      chain.unshift(c.taskId);
    }
    return chain;
  };
  const last = open.reduce<PlanTask | null>((a, b) => (!a || end.get(b.id)! > end.get(a.id)! ? b : a), null);
  const criticalPath = last ? chainTo(last.id) : [];
  const critical = new Set(criticalPath);

  const margin = (finishIdx: number, due: string | null) => {
    if (!due) return null;
    const dueIdx = days.indexOf(due);
    return finishIdx <= dueIdx
      ? days.workingDaysBetween(finishIdx, dueIdx)
      : -Math.max(1, days.workingDaysBetween(dueIdx, finishIdx));
  };

  const tasks: TaskForecast[] = open.map((t) => {
    const due = dueOf(t);
    return {
      id: t.id,
      startOn: days.date(start.get(t.id)!),
      finishOn: days.date(lastDay(t.id)),
      durationDays: dur.get(t.id)!,
      critical: critical.has(t.id),
      marginDays: margin(lastDay(t.id), due),
      dueOn: due,
      cause: cause.get(t.id) ?? null,
    };
  });

  const findings: FindingForecast[] = input.findings.map((f) => {
    const own = open.filter((t) => t.findingId === f.id);
    if (own.length === 0)
      return { id: f.id, ref: f.ref, finishOn: null, status: 'no_open_tasks', misses: [] };
    const latest = (ts: PlanTask[]) => ts.reduce((a, b) => (lastDay(b.id) > lastDay(a.id) ? b : a));
    const misses: DeadlineMiss[] = [];
    for (const deadline of ['cap', 'evidence', 'close'] as const) {
      const dueOn = dueOfFinding(f.id, deadline);
      const serving = own.filter((t) => deadlineRank[t.serves ?? 'evidence'] <= deadlineRank[deadline]);
      if (!dueOn || serving.length === 0) continue;
      const lastTask = latest(serving);
      const finishIdx = lastDay(lastTask.id);
      if (finishIdx <= days.indexOf(dueOn)) continue;
      const chainIds = chainTo(lastTask.id);
      misses.push({
        deadline,
        dueOn,
        finishOn: days.date(finishIdx),
        lateByWorkingDays: -margin(finishIdx, dueOn)!,
        chain: chainIds.map((id) => byId.get(id)!.title),
        chainIds,
      });
    }
    return {
      id: f.id,
      ref: f.ref,
      finishOn: days.date(lastDay(latest(own).id)),
      status: misses.length > 0 ? 'at_risk' : 'on_track',
      misses,
    };
  });

  const makespan = last ? end.get(last.id)! : 0;
  return {
    today: input.today,
    tasks,
    findings,
    makespanDays: days.workingDaysBetween(-1, makespan - 1),
    finishOn: last ? days.date(lastDay(last.id)) : null,
    criticalPath,
    workload: calendarWorkload(days, open, people, start, end, availabilityOf),
  };
}

function topologicalRank(tasks: PlanTask[], preds: (t: PlanTask) => { id: string }[]): Map<string, number> {
  const rank = new Map<string, number>();
  const visiting = new Set<string>();
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const visit = (t: PlanTask) => {
    if (rank.has(t.id) || visiting.has(t.id)) return;
    visiting.add(t.id);
    for (const p of preds(t)) visit(byId.get(p.id)!);
    rank.set(t.id, rank.size);
  };
  for (const t of tasks) visit(t);
  return rank;
}

/** Precedence-feasible order that takes, among ready tasks, the one with the least key (e.g. due first). */
function readyFirst(
  tasks: PlanTask[],
  preds: (t: PlanTask) => { id: string }[],
  key: (t: PlanTask) => string,
): PlanTask[] {
  const waiting = new Map(tasks.map((t) => [t.id, preds(t).length]));
  const succs = new Map<string, PlanTask[]>();
  for (const t of tasks) for (const p of preds(t)) succs.set(p.id, [...(succs.get(p.id) ?? []), t]);
  const keyOf = new Map(tasks.map((t) => [t.id, key(t)]));
  // Ready tasks kept sorted by key (binary insertion): O(n log n) comparisons for the whole order.
  const ready: PlanTask[] = [];
  const push = (t: PlanTask) => {
    const k = keyOf.get(t.id)!;
    let lo = 0;
    let hi = ready.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyOf.get(ready[mid]!.id)! <= k) lo = mid + 1;
      else hi = mid;
    }
    ready.splice(lo, 0, t);
  };
  for (const t of tasks) if (waiting.get(t.id) === 0) push(t);
  const order: PlanTask[] = [];
  while (ready.length > 0) {
    const t = ready.shift()!;
    order.push(t);
    for (const s of succs.get(t.id) ?? []) {
      const n = waiting.get(s.id)! - 1;
      waiting.set(s.id, n);
      if (n === 0) push(s);
    }
  }
  return order;
}
