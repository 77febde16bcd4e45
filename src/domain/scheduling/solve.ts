// Resource-constrained scheduling: validate, bound, seed with priority rules, then the genetic search
// until the time limit, the schedule budget or a proven optimum (makespan = lower bound).
import { lowerBound } from './bounds.ts';
import { compile } from './compile.ts';
import { cpmArrays, criticalChain } from './cpm.ts';
import { GeneticSearch } from './ga.ts';
import type { Problem, SolveResult, ValidationError } from './model.ts';
import { listFromKeys, ruleKeys } from './priority.ts';
import { mulberry32 } from './prng.ts';
import { Scheduler } from './sgs.ts';
import { validateProblem } from './validate.ts';

export class InvalidProblemError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'InvalidProblemError';
  }
}

export interface SolveOptions {
  timeLimitMs: number;
  /** Clock in milliseconds, injected so the domain stays pure (the CLI passes performance.now). */
  now: () => number;
  seed?: number;
  /** Stop after this many generated schedules (serial SGS passes) even if time remains. */
  maxIterations?: number;
  populationSize?: number;
  /** Called on every new best makespan with the schedules generated so far. */
  onImprove?: (makespan: number, iterations: number) => void;
}

export function solve(problem: Problem, options: SolveOptions): SolveResult {
  // The clock starts before validation so the limit bounds the whole call, not just the search.
  const started = options.now();
  const errors = validateProblem(problem);
  if (errors.length > 0) throw new InvalidProblemError(errors);
  const net = compile(problem);
  const cpm = cpmArrays(net);
  const lb = lowerBound(net, cpm.length);
  const scheduler = new Scheduler(net);
  const rules = ruleKeys(net, cpm);
  const rng = mulberry32(options.seed ?? 1);
  const seed = new Int32Array(net.size);
  // LFT first: the best single rule on average, so the first feasible schedule is already decent.
  listFromKeys(net, rules[0]!, seed);
  const search = new GeneticSearch(
    scheduler,
    {
      rng,
      now: options.now,
      deadline: started + options.timeLimitMs,
      maxSchedules: options.maxIterations ?? Number.POSITIVE_INFINITY,
      lowerBound: lb,
      onImprove: options.onImprove,
    },
    seed,
  );
  const populationSize = options.populationSize ?? (net.size <= 200 ? 40 : 16);
  search.run(rules, Math.max(1, cpm.length / 3), populationSize);
  const best = search.best;
  const starts: Record<string, number> = {};
  for (let j = 1; j < net.size - 1; j++) starts[net.ids[j]!] = best.start[j]!;
  return {
    makespan: best.makespan,
    starts,
    lowerBound: lb,
    feasible: true,
    criticalPath: criticalChain(net, cpm.earliestStart).map((j) => net.ids[j]!),
    iterations: scheduler.schedules,
  };
}
