// Seeded generator of a large remediation-like plan: 5,000 tasks, 20,000 distinct dependencies that
// mostly link nearby tasks (workstreams), 4 shared teams, some milestones and lags.
import type { Problem, Task } from '../src/domain/scheduling/model.ts';
import { mulberry32, randInt } from '../src/domain/scheduling/prng.ts';

export interface GeneratedPlan {
  problem: Problem;
  from: Int32Array;
  to: Int32Array;
}

export function generatePlan(tasks = 5000, dependencies = 20_000, seed = 2024): GeneratedPlan {
  const rng = mulberry32(seed);
  const caps = [8, 10, 12, 6];
  const edges = new Set<number>();
  while (edges.size < dependencies) {
    const j = 1 + randInt(rng, tasks - 1);
    const i = Math.max(0, j - 1 - randInt(rng, 60));
    edges.add(i * tasks + j);
  }
  const preds: string[][] = Array.from({ length: tasks }, () => []);
  const from = new Int32Array(dependencies);
  const to = new Int32Array(dependencies);
  let e = 0;
  for (const key of edges) {
    const i = Math.floor(key / tasks);
    const j = key % tasks;
    preds[j]!.push(`T${i}`);
    from[e] = i;
    to[e++] = j;
  }
  const list: Task[] = preds.map((predecessors, i) => {
    const milestone = rng() < 0.05;
    const demands: Record<string, number> = {};
    caps.forEach((c, r) => {
      if (rng() < 0.4) demands[`R${r + 1}`] = 1 + randInt(rng, Math.ceil(c / 2));
    });
    const task: Task = { id: `T${i}`, duration: milestone ? 0 : 1 + randInt(rng, 10), demands, predecessors };
    if (predecessors.length > 0 && rng() < 0.1) task.lags = { [predecessors[0]!]: 1 + randInt(rng, 3) };
    return task;
  });
  return {
    problem: { resources: caps.map((capacity, r) => ({ id: `R${r + 1}`, capacity })), tasks: list },
    from,
    to,
  };
}
