// Section (b): CPM and the resource-constrained solver on a generated 5,000-task, 20,000-dependency
// plan, against a plain topological sort of the same edges.
import { checkSchedule } from '../src/domain/scheduling/check.ts';
import { criticalPathMethod } from '../src/domain/scheduling/cpm.ts';
import { solve } from '../src/domain/scheduling/solve.ts';
import { median, topoSortFloorMs } from './floor.ts';
import { generatePlan } from './generate.ts';

export interface LargeSummary {
  tasks: number;
  dependencies: number;
  topoSortMs: number;
  cpmMs: number;
  projectLength: number;
  firstFeasibleMs: number;
  firstMakespan: number;
  limitMs: number;
  makespan: number;
  lowerBound: number;
  iterations: number;
  solveMs: number;
  violations: number;
}

export function runLarge(limitMs: number): LargeSummary {
  const { problem, from, to } = generatePlan();
  const topoSortMs = topoSortFloorMs(problem.tasks.length, from, to);
  const runs: number[] = [];
  let projectLength = 0;
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    projectLength = criticalPathMethod(problem).projectLength;
    runs.push(performance.now() - t0);
  }
  let first: { ms: number; makespan: number } | undefined;
  const t0 = performance.now();
  const r = solve(problem, {
    timeLimitMs: limitMs,
    now: () => performance.now(),
    onImprove: (makespan) => {
      first ??= { ms: performance.now() - t0, makespan };
    },
  });
  const solveMs = performance.now() - t0;
  return {
    tasks: problem.tasks.length,
    dependencies: from.length,
    topoSortMs,
    cpmMs: median(runs),
    projectLength,
    firstFeasibleMs: first?.ms ?? Number.NaN,
    firstMakespan: first?.makespan ?? Number.NaN,
    limitMs,
    makespan: r.makespan,
    lowerBound: r.lowerBound,
    iterations: r.iterations,
    solveMs,
    violations: checkSchedule(problem, r.starts).length,
  };
}
