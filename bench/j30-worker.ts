// Worker thread of the J30 section: solves the instances the main thread hands it, one at a time.
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { checkSchedule } from '../src/domain/scheduling/check.ts';
import { parsePsplib } from '../src/domain/scheduling/psplib.ts';
import { solve } from '../src/domain/scheduling/solve.ts';

export interface J30Outcome {
  file: string;
  makespan: number;
  lowerBound: number;
  ms: number;
  iterations: number;
  violations: number;
}

const { dir, budgetMs } = workerData as { dir: string; budgetMs: number };
const port = parentPort!;
port.on('message', (file: string | null) => {
  if (file === null) {
    port.close();
    return;
  }
  const problem = parsePsplib(fs.readFileSync(path.join(dir, file), 'utf8'));
  const t0 = performance.now();
  const r = solve(problem, { timeLimitMs: budgetMs, now: () => performance.now(), seed: 1 });
  const ms = performance.now() - t0;
  const outcome: J30Outcome = {
    file,
    makespan: r.makespan,
    lowerBound: r.lowerBound,
    ms,
    iterations: r.iterations,
    violations: checkSchedule(problem, r.starts).length,
  };
  port.postMessage(outcome);
});
port.postMessage('ready');
