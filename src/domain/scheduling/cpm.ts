// Critical path method (precedence only, resources ignored): forward and backward passes over one
// topological order of the compiled network, in typed arrays so 5,000 tasks take milliseconds.
import { compile, type Network } from './compile.ts';
import type { Problem } from './model.ts';

export interface CpmArrays {
  earliestStart: Int32Array;
  latestStart: Int32Array;
  /** Precedence-only project length: earliest start of the super-sink. */
  length: number;
  horizon: number;
}

export function cpmArrays(net: Network, horizon?: number): CpmArrays {
  const { size, duration, preds, succs, topo } = net;
  const es = new Int32Array(size);
  for (let k = 0; k < size; k++) {
    const j = topo[k]!;
    let t = 0;
    for (let e = preds.start[j]!; e < preds.start[j + 1]!; e++) {
      const p = preds.node[e]!;
      const c = es[p]! + duration[p]! + preds.lag[e]!;
      if (c > t) t = c;
    }
    es[j] = t;
  }
  const length = es[size - 1]!;
  const h = horizon ?? length;
  const ls = new Int32Array(size);
  for (let k = size - 1; k >= 0; k--) {
    const i = topo[k]!;
    let f = h;
    for (let e = succs.start[i]!; e < succs.start[i + 1]!; e++) {
      const c = ls[succs.node[e]!]! - succs.lag[e]!;
      if (c < f) f = c;
    }
    ls[i] = f - duration[i]!;
  }
  return { earliestStart: es, latestStart: ls, length, horizon: h };
}

/** One chain of tight dependencies from the start of the project to its end, as node indices. */
export function criticalChain(net: Network, es: Int32Array): number[] {
  const chain: number[] = [];
  let j = net.size - 1;
  while (j !== 0) {
    let next = 0;
    for (let e = net.preds.start[j]!; e < net.preds.start[j + 1]!; e++) {
      const p = net.preds.node[e]!;
      if (es[p]! + net.duration[p]! + net.preds.lag[e]! === es[j]) {
        next = p;
        break;
      }
    }
    if (next !== 0) chain.push(next);
    j = next;
  }
  return chain.reverse();
}

export interface CpmResult {
  /** Precedence-only minimum project length. */
  projectLength: number;
  /** The time the latest dates are computed against (defaults to projectLength). */
  horizon: number;
  earliestStart: Record<string, number>;
  earliestFinish: Record<string, number>;
  latestStart: Record<string, number>;
  latestFinish: Record<string, number>;
  /** latestStart - earliestStart; negative when the horizon is shorter than the project. */
  totalSlack: Record<string, number>;
  /** Task ids of one chain of tight dependencies spanning the project (no slack when horizon = length). */
  criticalPath: string[];
}

/** CPM on a problem that passed validateProblem. */
export function criticalPathMethod(problem: Problem, options: { horizon?: number } = {}): CpmResult {
  const net = compile(problem);
  const a = cpmArrays(net, options.horizon);
  const result: CpmResult = {
    projectLength: a.length,
    horizon: a.horizon,
    earliestStart: {},
    earliestFinish: {},
    latestStart: {},
    latestFinish: {},
    totalSlack: {},
    criticalPath: criticalChain(net, a.earliestStart).map((j) => net.ids[j]!),
  };
  for (let j = 1; j < net.size - 1; j++) {
    const id = net.ids[j]!;
    const d = net.duration[j]!;
    result.earliestStart[id] = a.earliestStart[j]!;
    result.earliestFinish[id] = a.earliestStart[j]! + d;
    result.latestStart[id] = a.latestStart[j]!;
    result.latestFinish[id] = a.latestStart[j]! + d;
    result.totalSlack[id] = a.latestStart[j]! - a.earliestStart[j]!;
  }
  return result;
}
