// `npm run bench`: scheduling engine figures, each printed as a ratio to a floor measured in this run
// plus the absolute time. Environment: BENCH_J30_LIMIT=N (first N instances), BENCH_TIME_MS (J30 budget
// per instance, default 1000), BENCH_LARGE_MS (solver limit on the 5,000-task plan, default 5000).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runFindingsList } from './findings.ts';
import { arithmeticFloorMs } from './floor.ts';
import { runForecast } from './forecast.ts';
import { runHttpSection } from './http/run-http.ts';
import { runScaleOutSection } from './http/scale-out.ts';
import { runImportSection } from './imports.ts';
import { readOptima, runJ30 } from './j30.ts';
import { runLarge } from './large.ts';
import { runPosture } from './posture.ts';
import { printWebPages } from './web-size.ts';

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const f = (x: number, d = 1) => x.toFixed(d);
// The shared reference folder sits beside the repository (as on CI); /work/shared is the workplace copy.
const besideRepo = path.resolve(import.meta.dirname, '../../shared/bench');
const shared = fs.existsSync(besideRepo) ? besideRepo : '/work/shared/bench';
const dir = process.env.BENCH_J30_DIR ?? `${shared}/psplib-j30`;
const budget = env('BENCH_TIME_MS', 1000);

const floor = arithmeticFloorMs();
console.log(
  `node ${process.version}, ${os.cpus().length} cores; floor F = ${f(floor)} ms (20 M xorshift steps)`,
);

console.log('\n(a) PSPLIB J30');
const optima = readOptima(fs.readFileSync(process.env.BENCH_J30_OPT ?? `${shared}/j30_optimum.csv`, 'utf8'));
const j = await runJ30(dir, optima, budget, env('BENCH_J30_LIMIT', optima.size));
console.log(
  `  instances ${j.instances}, budget ${budget} ms per instance on one core (2 workers in parallel)`,
);
console.log(`  average above optimum ${f(j.averageDeviationPct, 3)} %, optimal ${j.optimal}/${j.instances}`);
console.log(`  max deviation ${f(j.maxDeviationPct, 2)} %${j.maxDeviationPct > 0 ? ` at ${j.worst}` : ''}`);
console.log(
  `  mean time per instance ${f(j.meanMs)} ms = ${f(j.meanMs / floor, 2)} F; schedules ${f(j.meanIterations, 0)}`,
);
console.log(
  `  infeasible ${j.infeasible}, below the optimum ${j.belowOptimum} (both must be 0); wall ${f(j.wallMs / 1000)} s`,
);

console.log('\n(b) generated plan');
const large = runLarge(env('BENCH_LARGE_MS', 5000));
const T = large.topoSortMs;
console.log(
  `  ${large.tasks} tasks, ${large.dependencies} dependencies; floor T = ${f(T, 2)} ms (topological sort)`,
);
console.log(
  `  CPM ${f(large.cpmMs, 2)} ms = ${f(large.cpmMs / T, 1)} T; precedence-only length ${large.projectLength}`,
);
console.log(
  `  solver first feasible ${f(large.firstFeasibleMs)} ms = ${f(large.firstFeasibleMs / T, 0)} T (makespan ${large.firstMakespan})`,
);
const gap = ((large.makespan - large.lowerBound) / large.lowerBound) * 100;
console.log(
  `  at ${large.limitMs} ms limit: makespan ${large.makespan}, lower bound ${large.lowerBound} (+${f(gap, 2)} %), ` +
    `${large.iterations} schedules, ${f(large.solveMs)} ms = ${f(large.solveMs / floor, 1)} F, violations ${large.violations}`,
);

console.log('\n(c) corrective action log with 3,000 findings (SQLite)');
const fl = await runFindingsList(3000);
console.log(
  `  page of 100 of ${fl.total} findings, sorted, with escalation flags: ${f(fl.pageMs, 1)} ms = ${f(fl.pageMs / floor, 2)} F; ` +
    `filtered by grade ${f(fl.filteredMs, 1)} ms = ${f(fl.filteredMs / floor, 2)} F; by requirement (${fl.requirementTotal}) ` +
    `${f(fl.requirementMs, 1)} ms = ${f(fl.requirementMs / floor, 2)} F; seeding ${f(fl.seedMs / 1000, 1)} s`,
);
console.log(
  `  posture re-scored by the posture-refresh job (off the request path since #16): ${f(fl.snapshotMs, 1)} ms = ${f(fl.snapshotMs / floor, 2)} F`,
);

console.log('\n(d) remediation forecast of a 2,000-task plan (40 people with time off, 300 findings)');
const fc = runForecast(400);
console.log(
  `  solver budget 400 ms (as served by GET /plan): whole forecast ${f(fc.ms)} ms = ${f(fc.ms / floor, 2)} F; ` +
    `makespan ${fc.makespanDays} working days, ${fc.atRisk} finding(s) at risk`,
);

console.log('\n(e) posture model: 300 findings, 2,000 corrective actions, ~4,000 dependencies, 40 risks');
const ps = runPosture();
console.log(
  `  score ${f(ps.scoreMs, 1)} ms = ${f(ps.scoreMs / floor, 3)} F; projection of 3 actions ${f(ps.projectionMs, 1)} ms = ${f(ps.projectionMs / floor, 3)} F`,
);
console.log(
  `  ranking all ${ps.ranked} open actions (each with its prerequisites) ${f(ps.rankMs)} ms = ${f(ps.rankMs / floor, 2)} F; ` +
    `fastest path of ${ps.steps} steps ${f(ps.pathMs)} ms = ${f(ps.pathMs / floor, 2)} F`,
);

console.log('\n(f) memory');
const rss = process.resourceUsage().maxRSS / 1024;
console.log(`  peak RSS ${f(rss)} MiB (whole process, both workers included)`);

printWebPages();

// (g) last: it starts servers of its own and measures them against a hello-world floor of the same minute.
if (process.env.BENCH_HTTP !== 'off') await runHttpSection();
// (i) also starts servers of its own: a 10,000-row report imported as CSV and as XLSX.
if (process.env.BENCH_IMPORT !== 'off') await runImportSection();

// (j) after it: one and three instances behind nginx on one PostgreSQL (issue #17).
if (process.env.BENCH_SCALEOUT !== 'off') await runScaleOutSection();
