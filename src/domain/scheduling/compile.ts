// Index-based form of a validated problem, shared by CPM, bounds and the solver. Arrays instead of
// maps keep the hot loops monomorphic and allocation-free.
//
// Node 0 is a super-source and node n+1 a super-sink (both duration 0, no demand). A release date
// becomes a lag on the edge source -> task, which lets the backward pass of the solver run as a plain
// forward pass on the reversed network: release dates then turn into lags towards the reversed sink.
import type { Problem } from './model.ts';

export interface Adjacency {
  /** Edges of node i are at positions start[i] .. start[i+1]-1 of node/lag. */
  start: Int32Array;
  node: Int32Array;
  lag: Int32Array;
}

export interface Network {
  /** Node count including source (0) and sink (size-1). */
  size: number;
  ids: string[];
  duration: Int32Array;
  /** Predecessors of each node (edge i -> j stored at j) and successors (stored at i). */
  preds: Adjacency;
  succs: Adjacency;
  resourceIds: string[];
  capacity: Int32Array;
  /** Non-zero demands of node j: resource indices reqRes[reqStart[j]..] with amounts reqAmt. */
  reqStart: Int32Array;
  reqRes: Int32Array;
  reqAmt: Int32Array;
  /** A topological order of all nodes, source first and sink last. */
  topo: Int32Array;
  /** Position of each node in topo, used to break ties between equal times. */
  rank: Int32Array;
}

function buildAdjacency(size: number, from: number[], to: number[], lag: number[], byTo: boolean): Adjacency {
  const key = byTo ? to : from;
  const other = byTo ? from : to;
  const start = new Int32Array(size + 1);
  for (const k of key) start[k + 1]!++;
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, size);
  const node = new Int32Array(key.length);
  const lags = new Int32Array(key.length);
  for (let e = 0; e < key.length; e++) {
    const pos = fill[key[e]!]!++;
    node[pos] = other[e]!;
    lags[pos] = lag[e]!;
  }
  return { start, node, lag: lags };
}

/** Kahn's algorithm over the successor lists; the caller has ruled out cycles. */
export function topologicalOrder(size: number, succs: Adjacency, preds: Adjacency): Int32Array {
  const indeg = new Int32Array(size);
  for (let j = 0; j < size; j++) indeg[j] = preds.start[j + 1]! - preds.start[j]!;
  const order = new Int32Array(size);
  let tail = 0;
  for (let j = 0; j < size; j++) if (indeg[j] === 0) order[tail++] = j;
  for (let head = 0; head < tail; head++) {
    const i = order[head]!;
    for (let e = succs.start[i]!; e < succs.start[i + 1]!; e++) {
      const j = succs.node[e]!;
      if (--indeg[j]! === 0) order[tail++] = j;
    }
  }
  if (tail !== size) throw new Error('dependency cycle: validate the problem before compiling it');
  return order;
}

export function compile(problem: Problem): Network {
  const n = problem.tasks.length;
  const size = n + 2;
  const sink = n + 1;
  const index = new Map<string, number>();
  problem.tasks.forEach((t, i) => {
    index.set(t.id, i + 1);
  });
  const resIndex = new Map(problem.resources.map((r, i) => [r.id, i]));
  const duration = new Int32Array(size);
  const from: number[] = [];
  const to: number[] = [];
  const lag: number[] = [];
  const hasSucc = new Uint8Array(size);
  const reqStart = new Int32Array(size + 1);
  const reqRes: number[] = [];
  const reqAmt: number[] = [];
  problem.tasks.forEach((t, i) => {
    const j = i + 1;
    duration[j] = t.duration;
    const release = t.earliestStart ?? 0;
    const preds = new Set(t.predecessors);
    if (preds.size === 0 || release > 0) {
      from.push(0);
      to.push(j);
      lag.push(release);
    }
    for (const p of preds) {
      const pi = index.get(p)!;
      from.push(pi);
      to.push(j);
      lag.push(t.lags?.[p] ?? 0);
      hasSucc[pi] = 1;
    }
    // Zero-duration tasks never hold resources, so their demands do not enter the profile.
    if (t.duration > 0) {
      for (const [rid, q] of Object.entries(t.demands)) {
        if (q > 0) {
          reqRes.push(resIndex.get(rid)!);
          reqAmt.push(q);
        }
      }
    }
    reqStart[j + 1] = reqRes.length;
  });
  reqStart[sink + 1] = reqRes.length;
  for (let j = 1; j <= n; j++) {
    if (!hasSucc[j]) {
      from.push(j);
      to.push(sink);
      lag.push(0);
    }
  }
  if (n === 0) {
    from.push(0);
    to.push(sink);
    lag.push(0);
  }
  const preds = buildAdjacency(size, from, to, lag, true);
  const succs = buildAdjacency(size, from, to, lag, false);
  const topo = topologicalOrder(size, succs, preds);
  const rank = new Int32Array(size);
  for (let k = 0; k < size; k++) rank[topo[k]!] = k;
  return {
    size,
    ids: ['(source)', ...problem.tasks.map((t) => t.id), '(sink)'],
    duration,
    preds,
    succs,
    resourceIds: problem.resources.map((r) => r.id),
    capacity: Int32Array.from(problem.resources.map((r) => r.capacity)),
    reqStart,
    reqRes: Int32Array.from(reqRes),
    reqAmt: Int32Array.from(reqAmt),
    topo,
    rank,
  };
}

/** The same network with every edge turned around (for backward scheduling passes). */
export function reverse(net: Network): Network {
  const topo = net.topo.slice().reverse();
  const rank = new Int32Array(net.size);
  for (let k = 0; k < net.size; k++) rank[topo[k]!] = k;
  return { ...net, preds: net.succs, succs: net.preds, topo, rank };
}
