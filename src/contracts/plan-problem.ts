import { z } from 'zod';

// Input of `closeloop plan solve` (JSON). Objects are strict: a misspelt key such as "predecesors"
// would otherwise be dropped silently and produce a schedule that ignores real dependencies.
const wholeNonNeg = z.number().int().min(0);

export const planResource = z.strictObject({
  id: z.string().min(1).max(200),
  capacity: wholeNonNeg.describe('units available in every time unit'),
});

export const planTask = z.strictObject({
  id: z.string().min(1).max(200),
  duration: wholeNonNeg.describe('whole time units; 0 = milestone'),
  demands: z.record(z.string(), wholeNonNeg).default({}),
  predecessors: z.array(z.string()).default([]),
  lags: z.record(z.string(), wholeNonNeg).optional().describe('finish-to-start lag per predecessor id'),
  earliestStart: wholeNonNeg.optional(),
});

export const planProblem = z.strictObject({
  resources: z.array(planResource).default([]),
  tasks: z.array(planTask),
  timeLimitMs: z.number().int().min(1).max(600_000).default(1000),
  seed: z.number().int().optional(),
});
export type PlanProblem = z.infer<typeof planProblem>;

export const planSolution = z.object({
  makespan: z.number().int(),
  starts: z.record(z.string(), z.number().int()),
  lowerBound: z.number().int(),
  feasible: z.literal(true),
});
export type PlanSolution = z.infer<typeof planSolution>;
