// Section (a): every PSPLIB J30 instance at a fixed per-instance time budget, two worker threads
// taking instances from a shared queue. Each instance gets the full budget on one core; the two
// workers only shorten the wall-clock time of the whole run.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { J30Outcome } from './j30-worker.ts';

export interface J30Summary {
  instances: number;
  optimal: number;
  averageDeviationPct: number;
  maxDeviationPct: number;
  worst: string;
  meanMs: number;
  meanIterations: number;
  infeasible: number;
  belowOptimum: number;
  wallMs: number;
}

export function readOptima(csv: string): Map<string, number> {
  const rows = csv.trim().split(/\r?\n/).slice(1);
  return new Map(rows.map((row) => row.split(',')).map(([file, opt]) => [file!.trim(), Number(opt)]));
}

/** Start a .ts worker: an eval'd bootstrap loads tsx's loader, since workers do not inherit it. */
function tsWorker(file: string, workerData: unknown): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const target = new URL(file, import.meta.url).href;
  const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(target)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(code, { eval: true, workerData });
}

export async function runJ30(
  dir: string,
  optima: Map<string, number>,
  budgetMs: number,
  limit: number,
  workers = 2,
) {
  const files = [...optima.keys()].filter((f) => fs.existsSync(path.join(dir, f))).slice(0, limit);
  const queue = [...files];
  const outcomes: J30Outcome[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: workers }, () => {
      const w = tsWorker('./j30-worker.ts', { dir, budgetMs });
      return new Promise<void>((resolve, reject) => {
        w.on('error', reject);
        w.on('message', (m: 'ready' | J30Outcome) => {
          if (m !== 'ready') outcomes.push(m);
          const next = queue.shift();
          if (next === undefined) {
            void w.terminate().then(() => resolve());
          } else w.postMessage(next);
        });
      });
    }),
  );
  return summarise(outcomes, optima, performance.now() - t0);
}

function summarise(outcomes: J30Outcome[], optima: Map<string, number>, wallMs: number): J30Summary {
  let sum = 0;
  let max = -1;
  let worst = '';
  let optimal = 0;
  let ms = 0;
  let iterations = 0;
  let infeasible = 0;
  let below = 0;
  for (const o of outcomes) {
    const opt = optima.get(o.file)!;
    const dev = ((o.makespan - opt) / opt) * 100;
    sum += dev;
    if (dev > max) {
      max = dev;
      worst = `${o.file} (${o.makespan} vs ${opt})`;
    }
    if (o.makespan === opt) optimal++;
    if (o.makespan < opt) below++;
    if (o.violations > 0) infeasible++;
    ms += o.ms;
    iterations += o.iterations;
  }
  const n = Math.max(1, outcomes.length);
  return {
    instances: outcomes.length,
    optimal,
    averageDeviationPct: sum / n,
    maxDeviationPct: Math.max(0, max),
    worst,
    meanMs: ms / n,
    meanIterations: iterations / n,
    infeasible,
    belowOptimum: below,
    wallMs,
  };
}
