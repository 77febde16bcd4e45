// Activity-list genetic algorithm (Hartmann 1998) with forward-backward improvement of every child
// and Lamarckian write-back of the improved list. Two-point crossover keeps lists precedence-feasible;
// mutation swaps neighbours that are not directly dependent. Duplicated schedules are culled and the
// population restarts around the incumbent when it stagnates.
import type { Network } from './compile.ts';
import { jitteredKeys, listFromKeys } from './priority.ts';
import { type Rng, randInt } from './prng.ts';
import type { Scheduler } from './sgs.ts';

export interface SearchLimits {
  rng: Rng;
  now: () => number;
  deadline: number;
  maxSchedules: number;
  lowerBound: number;
  onImprove?: (makespan: number, schedules: number) => void;
}

interface Individual {
  list: Int32Array;
  start: Int32Array;
  makespan: number;
  hash: number;
}

function hashStarts(start: Int32Array): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < start.length; j++) h = Math.imul(h ^ start[j]!, 0x01000193);
  return h >>> 0;
}

function crossover(
  mother: Int32Array,
  father: Int32Array,
  q1: number,
  q2: number,
  out: Int32Array,
  seen: Uint8Array,
) {
  seen.fill(0);
  let k = 0;
  for (; k < q1; k++) {
    out[k] = mother[k]!;
    seen[mother[k]!] = 1;
  }
  for (let i = 0; k < q2 && i < father.length; i++) {
    const j = father[i]!;
    if (!seen[j]) {
      out[k++] = j;
      seen[j] = 1;
    }
  }
  for (let i = 0; k < mother.length; i++) {
    const j = mother[i]!;
    if (!seen[j]) {
      out[k++] = j;
      seen[j] = 1;
    }
  }
}

function directlyPrecedes(net: Network, i: number, j: number): boolean {
  for (let e = net.succs.start[i]!; e < net.succs.start[i + 1]!; e++)
    if (net.succs.node[e] === j) return true;
  return false;
}

function mutate(net: Network, list: Int32Array, rate: number, rng: Rng) {
  // Source and sink stay at both ends; every other neighbour pair may swap.
  for (let k = 1; k < list.length - 2; k++) {
    if (rng() < rate && !directlyPrecedes(net, list[k]!, list[k + 1]!)) {
      const t = list[k]!;
      list[k] = list[k + 1]!;
      list[k + 1] = t;
    }
  }
}

export class GeneticSearch {
  private readonly size: number;
  best: Individual;
  private stopped = false;

  constructor(
    private readonly s: Scheduler,
    private readonly limits: SearchLimits,
    seedList: Int32Array,
  ) {
    this.size = s.fwd.size;
    this.best = this.evaluate(seedList.slice());
  }

  get done(): boolean {
    return this.stopped || this.best.makespan <= this.limits.lowerBound;
  }

  private evaluate(list: Int32Array): Individual {
    const start = new Int32Array(this.size);
    const makespan = this.s.improve(list, start);
    const ind = { list, start, makespan, hash: hashStarts(start) };
    if (this.best === undefined || makespan < this.best.makespan) {
      this.best = ind;
      this.limits.onImprove?.(makespan, this.s.schedules);
    }
    if (this.s.schedules >= this.limits.maxSchedules || this.limits.now() >= this.limits.deadline) {
      this.stopped = true;
    }
    return ind;
  }

  private fresh(rules: Float64Array[], spread: number): Individual {
    const { rng } = this.limits;
    const list = new Int32Array(this.size);
    listFromKeys(this.s.fwd, jitteredKeys(rules[randInt(rng, rules.length)]!, spread * rng(), rng), list);
    return this.evaluate(list);
  }

  /** Runs until the deadline, the schedule budget or the lower bound; the incumbent is `best`. */
  run(rules: Float64Array[], spread: number, populationSize: number): void {
    const { rng } = this.limits;
    const net = this.s.fwd;
    const seen = new Uint8Array(this.size);
    let pop: Individual[] = [this.best];
    for (const key of rules) {
      if (this.done) return;
      const list = new Int32Array(this.size);
      listFromKeys(net, key, list);
      pop.push(this.evaluate(list));
    }
    while (pop.length < populationSize && !this.done) pop.push(this.fresh(rules, spread));
    let stale = 0;
    const patience = 20 + Math.min(200, this.size);
    while (!this.done) {
      const before = this.best.makespan;
      for (let i = pop.length - 1; i > 0; i--) {
        const k = randInt(rng, i + 1);
        [pop[i], pop[k]] = [pop[k]!, pop[i]!];
      }
      const children: Individual[] = [];
      for (let p = 0; p + 1 < pop.length && !this.done; p += 2) {
        const mother = pop[p]!.list;
        const father = pop[p + 1]!.list;
        const a = randInt(rng, this.size);
        const b = randInt(rng, this.size);
        for (const [x, y] of [
          [mother, father],
          [father, mother],
        ] as const) {
          const child = new Int32Array(this.size);
          crossover(x, y, Math.min(a, b), Math.max(a, b), child, seen);
          mutate(net, child, 0.05, rng);
          if (!this.done) children.push(this.evaluate(child));
        }
      }
      pop = select([...children, ...pop], populationSize);
      stale = this.best.makespan < before ? 0 : stale + 1;
      if (stale >= patience && !this.done) {
        // Restart: keep the incumbent, draw the rest afresh so the search leaves its basin.
        stale = 0;
        pop = [this.best];
        while (pop.length < populationSize && !this.done) pop.push(this.fresh(rules, spread));
      }
    }
  }
}

/** Best `count` distinct schedules; children come first in `all`, so they win ties against parents. */
function select(all: Individual[], count: number): Individual[] {
  const sorted = all
    .map((ind, i) => ({ ind, i }))
    .sort((x, y) => x.ind.makespan - y.ind.makespan || x.i - y.i)
    .map((x) => x.ind);
  const hashes = new Set<number>();
  const kept: Individual[] = [];
  for (const ind of sorted) {
    if (kept.length === count) break;
    if (hashes.has(ind.hash)) continue;
    hashes.add(ind.hash);
    kept.push(ind);
  }
  for (const ind of sorted) {
    if (kept.length === count) break;
    if (!kept.includes(ind)) kept.push(ind);
  }
  return kept;
}
