// Lower bound on the makespan: no schedule beats the precedence-only critical path, nor can any
// resource process more work per time unit than its capacity.
import { compile, type Network } from './compile.ts';
import { cpmArrays } from './cpm.ts';
import type { Problem } from './model.ts';

export function resourceBound(net: Network): number {
  const work = new Float64Array(net.capacity.length);
  for (let j = 0; j < net.size; j++) {
    for (let e = net.reqStart[j]!; e < net.reqStart[j + 1]!; e++) {
      work[net.reqRes[e]!]! += net.reqAmt[e]! * net.duration[j]!;
    }
  }
  let bound = 0;
  for (let r = 0; r < work.length; r++) {
    // Validation guarantees positive demand only where capacity >= demand > 0.
    if (work[r]! > 0) bound = Math.max(bound, Math.ceil(work[r]! / net.capacity[r]!));
  }
  return bound;
}

export function lowerBound(net: Network, criticalPathLength = cpmArrays(net).length): number {
  return Math.max(criticalPathLength, resourceBound(net));
}

/** Lower bound of a problem that passed validateProblem. */
export function problemLowerBound(problem: Problem): number {
  return lowerBound(compile(problem));
}
