// Independent feasibility check of a schedule, written against the public model (not the compiled
// network) so it cannot share a bug with the solver it checks.
import type { Problem, Violation } from './model.ts';

export function checkSchedule(problem: Problem, starts: Record<string, number>): Violation[] {
  const violations: Violation[] = [];
  const byId = new Map(problem.tasks.map((t) => [t.id, t]));
  const has = (id: string) => Object.hasOwn(starts, id) && Number.isFinite(starts[id]);
  for (const t of problem.tasks) {
    if (!has(t.id)) {
      violations.push({ kind: 'missing-start', taskId: t.id, message: `task "${t.id}" has no start time` });
      continue;
    }
    const s = starts[t.id]!;
    if (s < 0)
      violations.push({ kind: 'negative-start', taskId: t.id, message: `task "${t.id}" starts at ${s}` });
    if (t.earliestStart !== undefined && s < t.earliestStart) {
      violations.push({
        kind: 'earliest-start',
        taskId: t.id,
        message: `task "${t.id}" starts at ${s}, before its earliest start ${t.earliestStart}`,
      });
    }
    for (const p of t.predecessors) {
      const pt = byId.get(p);
      if (!pt || !has(p)) continue;
      const ready = starts[p]! + pt.duration + (t.lags?.[p] ?? 0);
      if (s < ready) {
        violations.push({
          kind: 'precedence',
          taskId: t.id,
          message: `task "${t.id}" starts at ${s}, before "${p}" finishes plus lag (${ready})`,
        });
      }
    }
  }
  for (const r of problem.resources) {
    // Sweep over start/finish events; at equal times finishes come first (intervals are half-open).
    const events: [number, number][] = [];
    for (const t of problem.tasks) {
      const q = t.demands[r.id] ?? 0;
      if (q > 0 && t.duration > 0 && has(t.id)) {
        events.push([starts[t.id]!, q], [starts[t.id]! + t.duration, -q]);
      }
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let load = 0;
    let over = false;
    for (let k = 0; k < events.length; k++) {
      const [time, delta] = events[k]!;
      load += delta;
      const last = k + 1 === events.length || events[k + 1]![0] !== time;
      if (!last) continue;
      if (load > r.capacity && !over) {
        violations.push({
          kind: 'capacity',
          resourceId: r.id,
          time,
          message: `resource "${r.id}" needs ${load} units at time ${time}, capacity ${r.capacity}`,
        });
      }
      over = load > r.capacity;
    }
  }
  return violations;
}
