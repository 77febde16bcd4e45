// Serial schedule generation scheme over a time-indexed resource profile, and forward-backward
// improvement (justification, Valls et al. 2005). An activity list must be precedence-feasible;
// each activity is placed at the earliest time both its predecessors and the profile allow.
import { type Network, reverse } from './compile.ts';

export class Scheduler {
  readonly fwd: Network;
  readonly bwd: Network;
  private readonly usage: Int32Array;
  private readonly nr: number;
  /** Scratch for sorting by time then rank: key = time * size + rank. */
  private readonly keys: Float64Array;
  private readonly tmpStart: Int32Array;
  private readonly tmpList: Int32Array;
  schedules = 0;

  constructor(net: Network) {
    this.fwd = net;
    this.bwd = reverse(net);
    this.nr = net.capacity.length;
    let inSum = 0;
    let outSum = 0;
    let durSum = 0;
    let durMax = 0;
    // Release dates are the lags on edges out of the source (node 0); they count once, not per task.
    for (let j = 1; j < net.size; j++) {
      durSum += net.duration[j]!;
      durMax = Math.max(durMax, net.duration[j]!);
      inSum += maxLag(net.preds, j, 0);
      outSum += maxLag(net.succs, j, -1);
    }
    const maxRelease = maxLag(net.succs, 0, -1);
    // Serial SGS starts a task no later than max(latest release, latest finish so far + its largest
    // incoming lag), which bounds the makespan in both directions; durMax leaves room for the last scan.
    const horizon = durSum + Math.max(inSum, outSum) + maxRelease + durMax + 1;
    this.usage = new Int32Array(horizon * Math.max(1, this.nr));
    this.keys = new Float64Array(net.size);
    this.tmpStart = new Int32Array(net.size);
    this.tmpList = new Int32Array(net.size);
  }

  /** Serial SGS of `list` on `net` (forward or reversed); writes `start`, returns the makespan. */
  sgs(net: Network, list: Int32Array, start: Int32Array): number {
    this.schedules++;
    const { duration, preds, reqStart, reqRes, reqAmt, capacity } = net;
    const usage = this.usage;
    const nr = this.nr;
    let makespan = 0;
    for (let k = 0; k < list.length; k++) {
      const j = list[k]!;
      let t = 0;
      for (let e = preds.start[j]!; e < preds.start[j + 1]!; e++) {
        const p = preds.node[e]!;
        const c = start[p]! + duration[p]! + preds.lag[e]!;
        if (c > t) t = c;
      }
      const d = duration[j]!;
      const rs = reqStart[j]!;
      const re = reqStart[j + 1]!;
      if (rs < re) {
        // Scan the window from its end: a conflict at tau moves the start past tau in one step.
        let tau = t + d - 1;
        while (tau >= t) {
          const base = tau * nr;
          let e = rs;
          for (; e < re; e++) {
            const r = reqRes[e]!;
            if (usage[base + r]! + reqAmt[e]! > capacity[r]!) break;
          }
          if (e === re) tau--;
          else {
            t = tau + 1;
            tau = t + d - 1;
          }
        }
        for (let u = t; u < t + d; u++) {
          const base = u * nr;
          for (let e2 = rs; e2 < re; e2++) usage[base + reqRes[e2]!]! += reqAmt[e2]!;
        }
      }
      start[j] = t;
      if (t + d > makespan) makespan = t + d;
    }
    usage.fill(0, 0, makespan * nr);
    return makespan;
  }

  /** Fill `out` with all nodes sorted by `time` ascending, ties by topological rank of `net`. */
  orderBy(net: Network, time: Int32Array, out: Int32Array): void {
    const size = net.size;
    const keys = this.keys;
    for (let j = 0; j < size; j++) keys[j] = time[j]! * size + net.rank[j]!;
    keys.sort();
    for (let k = 0; k < size; k++) out[k] = net.topo[keys[k]! % size]!;
  }

  /**
   * Forward SGS, then right-justify (backward SGS on the reversed network in order of decreasing
   * finish) and left-justify again. Never worse than the forward schedule. On return `list` holds
   * the list of the final forward pass (so offspring inherit the improvement) and `start` its schedule.
   */
  improve(list: Int32Array, start: Int32Array, passes = 1): number {
    let best = this.sgs(this.fwd, list, start);
    const dur = this.fwd.duration;
    const tmp = this.tmpStart;
    const tmpList = this.tmpList;
    for (let pass = 0; pass < passes; pass++) {
      // Reversed time of j: best - finish(j). Sorting by it gives decreasing finish order.
      for (let j = 0; j < start.length; j++) tmp[j] = best - start[j]! - dur[j]!;
      this.orderBy(this.bwd, tmp, tmpList);
      const back = this.sgs(this.bwd, tmpList, tmp);
      for (let j = 0; j < start.length; j++) tmp[j] = back - tmp[j]! - dur[j]!;
      this.orderBy(this.fwd, tmp, tmpList);
      const ms = this.sgs(this.fwd, tmpList, tmp);
      if (ms > best || (ms === best && pass > 0)) break;
      best = ms;
      list.set(tmpList);
      start.set(tmp);
    }
    return best;
  }
}

/** Largest lag on the edges of node j in `adj`, ignoring edges to or from node `skip`. */
function maxLag(adj: Network['preds'], j: number, skip: number): number {
  let m = 0;
  for (let e = adj.start[j]!; e < adj.start[j + 1]!; e++)
    if (adj.node[e] !== skip) m = Math.max(m, adj.lag[e]!);
  return m;
}
