// Priority rules turn a network into precedence-feasible activity lists: repeatedly take the eligible
// activity with the smallest key. They seed the genetic algorithm with good, varied starting points.
import type { Network } from './compile.ts';
import type { CpmArrays } from './cpm.ts';
import type { Rng } from './prng.ts';

/** Activity list: among eligible nodes always the smallest key (ties by topological rank). */
export function listFromKeys(net: Network, key: Float64Array, out: Int32Array): void {
  const { size, preds, succs, rank } = net;
  const missing = new Int32Array(size);
  for (let j = 0; j < size; j++) missing[j] = preds.start[j + 1]! - preds.start[j]!;
  // Binary min-heap of eligible nodes.
  const heap = new Int32Array(size);
  let len = 0;
  const less = (a: number, b: number) => key[a]! < key[b]! || (key[a] === key[b] && rank[a]! < rank[b]!);
  const push = (j: number) => {
    let i = len++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(j, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = j;
  };
  const pop = () => {
    const top = heap[0]!;
    const last = heap[--len]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= len) break;
      if (c + 1 < len && less(heap[c + 1]!, heap[c]!)) c++;
      if (!less(heap[c]!, last)) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
    return top;
  };
  for (let j = 0; j < size; j++) if (missing[j] === 0) push(j);
  for (let k = 0; k < size; k++) {
    const i = pop();
    out[k] = i;
    for (let e = succs.start[i]!; e < succs.start[i + 1]!; e++) {
      const j = succs.node[e]!;
      if (--missing[j]! === 0) push(j);
    }
  }
}

/** Number of distinct transitive successors, by bitsets in reverse topological order. */
function totalSuccessors(net: Network): Float64Array {
  const { size, succs, topo } = net;
  const words = (size + 31) >> 5;
  const bits = new Int32Array(size * words);
  const count = new Float64Array(size);
  for (let k = size - 1; k >= 0; k--) {
    const i = topo[k]!;
    const bi = i * words;
    for (let e = succs.start[i]!; e < succs.start[i + 1]!; e++) {
      const j = succs.node[e]!;
      bits[bi + (j >> 5)]! |= 1 << (j & 31);
      const bj = j * words;
      for (let w = 0; w < words; w++) bits[bi + w]! |= bits[bj + w]!;
    }
    let c = 0;
    for (let w = 0; w < words; w++) {
      let v = bits[bi + w]!;
      while (v !== 0) {
        v &= v - 1;
        c++;
      }
    }
    count[i] = c;
  }
  return count;
}

/** Keys of the classic rules (smaller = earlier): LFT, LST, MTS, GRPW, SPT. */
export function ruleKeys(net: Network, cpm: CpmArrays): Float64Array[] {
  const { size, duration, succs } = net;
  const lft = new Float64Array(size);
  const lst = new Float64Array(size);
  const grpw = new Float64Array(size);
  const spt = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    lst[j] = cpm.latestStart[j]!;
    lft[j] = cpm.latestStart[j]! + duration[j]!;
    let w = duration[j]!;
    for (let e = succs.start[j]!; e < succs.start[j + 1]!; e++) w += duration[succs.node[e]!]!;
    grpw[j] = -w;
    spt[j] = duration[j]!;
  }
  const rules = [lft, lst, grpw, spt];
  // The bitset closure is quadratic in memory; above a few thousand nodes the other rules suffice.
  if (size <= 3000)
    rules.splice(
      2,
      0,
      totalSuccessors(net).map((c) => -c),
    );
  return rules;
}

/** Biased random sampling around a rule: each key is jittered by up to `spread` time units. */
export function jitteredKeys(base: Float64Array, spread: number, rng: Rng): Float64Array {
  const key = new Float64Array(base.length);
  for (let j = 0; j < base.length; j++) key[j] = base[j]! + rng() * spread;
  return key;
}
