// Floors measured in the same run, so the printed ratios compare the engine with this machine's
// speed at that moment rather than with numbers taken elsewhere.
import { mulberry32 } from '../src/domain/scheduling/prng.ts';

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** A fixed tight integer loop (xorshift, 20 M steps): pure CPU speed. Median of 5 runs, in ms. */
export function arithmeticFloorMs(): number {
  const runs: number[] = [];
  let sink = 0;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    let x = 2463534242 + k;
    for (let i = 0; i < 20_000_000; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      x |= 0;
    }
    sink ^= x;
    runs.push(performance.now() - t0);
  }
  if (sink === 0.5) console.log(sink);
  return median(runs);
}

/** Plain Kahn topological sort over edge lists (no dates): the least any CPM on the data must do. */
export function topoSortFloorMs(n: number, from: Int32Array, to: Int32Array): number {
  const runs: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    const start = new Int32Array(n + 1);
    for (let e = 0; e < from.length; e++) start[from[e]! + 1]!++;
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    const succ = new Int32Array(from.length);
    const indeg = new Int32Array(n);
    for (let e = 0; e < from.length; e++) {
      succ[fill[from[e]!]!++] = to[e]!;
      indeg[to[e]!]!++;
    }
    const order = new Int32Array(n);
    let tail = 0;
    for (let i = 0; i < n; i++) if (indeg[i] === 0) order[tail++] = i;
    for (let h = 0; h < tail; h++) {
      const i = order[h]!;
      for (let e = start[i]!; e < start[i + 1]!; e++) if (--indeg[succ[e]!]! === 0) order[tail++] = succ[e]!;
    }
    if (tail !== n) throw new Error('generated plan has a cycle');
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

export { mulberry32 };
