// Validation of a problem before any scheduling. Every error names the task at fault so a planner
// can fix the plan without guessing; a cycle is reported as the ordered ring of task ids.
import type { Problem, ValidationError } from './model.ts';

/** Profile arrays are sized by the horizon bound; above this the plan is not a remediation plan. */
export const MAX_HORIZON = 10_000_000;
/** Time units x resources bounding the solver's profile (4 bytes a cell, at most twice this many). */
export const MAX_PROFILE_CELLS = 16_000_000;
/** Capacities and demands live in Int32Array; this keeps usage + demand below 2^31. */
export const MAX_UNITS = 1_000_000_000;

const isNonNegInt = (x: unknown): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= MAX_UNITS;

export function validateProblem(problem: Problem): ValidationError[] {
  const errors: ValidationError[] = [];
  const capacity = new Map<string, number>();
  for (const r of problem.resources) {
    if (capacity.has(r.id)) errors.push({ code: 'duplicate-id', message: `duplicate resource id "${r.id}"` });
    if (!isNonNegInt(r.capacity)) {
      errors.push({
        code: 'invalid-capacity',
        message: `resource "${r.id}": capacity must be a whole number from 0 to ${MAX_UNITS}`,
      });
    }
    capacity.set(r.id, r.capacity);
  }
  const ids = new Set<string>();
  for (const t of problem.tasks) {
    if (ids.has(t.id))
      errors.push({ code: 'duplicate-id', taskId: t.id, message: `duplicate task id "${t.id}"` });
    ids.add(t.id);
  }
  // Serial SGS never finishes later than the latest release plus every duration and every lag.
  let horizon = 0;
  let maxRelease = 0;
  for (const t of problem.tasks) {
    const name = `task "${t.id}"`;
    if (!isNonNegInt(t.duration)) {
      errors.push({
        code: 'invalid-duration',
        taskId: t.id,
        message: `${name}: duration must be a whole number from 0 to ${MAX_UNITS}`,
      });
    } else horizon += t.duration;
    if (t.earliestStart !== undefined && !isNonNegInt(t.earliestStart)) {
      errors.push({
        code: 'invalid-earliest-start',
        taskId: t.id,
        message: `${name}: earliestStart must be a whole number from 0 to ${MAX_UNITS}`,
      });
    } else maxRelease = Math.max(maxRelease, t.earliestStart ?? 0);
    for (const [rid, q] of Object.entries(t.demands)) {
      const cap = capacity.get(rid);
      if (cap === undefined) {
        errors.push({
          code: 'unknown-resource',
          taskId: t.id,
          message: `${name}: unknown resource "${rid}"`,
        });
      } else if (!isNonNegInt(q)) {
        errors.push({
          code: 'invalid-demand',
          taskId: t.id,
          message: `${name}: demand on "${rid}" must be a whole number from 0 to ${MAX_UNITS}`,
        });
      } else if (q > cap) {
        errors.push({
          code: 'demand-above-capacity',
          taskId: t.id,
          message: `${name}: demand ${q} on "${rid}" exceeds its capacity ${cap}`,
        });
      }
    }
    const preds = new Set(t.predecessors);
    for (const p of t.predecessors) {
      if (!ids.has(p)) {
        errors.push({
          code: 'unknown-predecessor',
          taskId: t.id,
          message: `${name}: unknown predecessor "${p}"`,
        });
      }
    }
    for (const [p, lag] of Object.entries(t.lags ?? {})) {
      if (!preds.has(p)) {
        errors.push({
          code: 'invalid-lag',
          taskId: t.id,
          message: `${name}: lag given for "${p}", which is not one of its predecessors`,
        });
      } else if (!isNonNegInt(lag)) {
        errors.push({
          code: 'invalid-lag',
          taskId: t.id,
          message: `${name}: lag after "${p}" must be a whole number from 0 to ${MAX_UNITS}`,
        });
      } else horizon += lag;
    }
  }
  if (errors.length === 0) {
    const cycle = findCycle(problem);
    if (cycle) {
      errors.push({
        code: 'cycle',
        taskId: cycle[0],
        cycle,
        message: `dependency cycle: ${[...cycle, cycle[0]].map((id) => `"${id}"`).join(' -> ')}`,
      });
    }
  }
  horizon += maxRelease;
  const cells = horizon * Math.max(1, problem.resources.length);
  if (errors.length === 0 && (horizon > MAX_HORIZON || cells > MAX_PROFILE_CELLS)) {
    errors.push({
      code: 'horizon-too-large',
      message:
        `the plan may span ${horizon} time units over ${problem.resources.length} resources; at most ` +
        `${MAX_HORIZON} units and ${MAX_PROFILE_CELLS} unit-resource cells are supported (use coarser units)`,
    });
  }
  return errors;
}

/**
 * Kahn's algorithm; whatever it cannot order lies on or behind a cycle. Every unordered task has an
 * unordered predecessor, so walking predecessors from one must revisit a task: that loop is a cycle.
 */
export function findCycle(problem: Problem): string[] | undefined {
  const index = new Map(problem.tasks.map((t, i) => [t.id, i]));
  const n = problem.tasks.length;
  const indeg = new Int32Array(n);
  const succ: number[][] = problem.tasks.map(() => []);
  problem.tasks.forEach((t, j) => {
    for (const p of new Set(t.predecessors)) {
      const i = index.get(p);
      if (i === undefined) continue;
      succ[i]!.push(j);
      indeg[j]!++;
    }
  });
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) queue.push(i);
  for (let h = 0; h < queue.length; h++) {
    for (const j of succ[queue[h]!]!) if (--indeg[j]! === 0) queue.push(j);
  }
  if (queue.length === n) return undefined;
  const start = indeg.findIndex((d) => d > 0);
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  let cur = start;
  while (!seenAt.has(cur)) {
    seenAt.set(cur, walk.length);
    walk.push(cur);
    const preds = problem.tasks[cur]!.predecessors;
    cur = preds.map((p) => index.get(p)!).find((i) => indeg[i]! > 0)!;
  }
  // The walk goes backwards along dependencies; reverse it so each task depends on the one before.
  return walk
    .slice(seenAt.get(cur)!)
    .reverse()
    .map((i) => problem.tasks[i]!.id);
}
