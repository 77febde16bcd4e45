import { z } from 'zod';
import { objectiveProgresses, objectiveStatuses, targetDirections } from '../vocabulary/index.ts';
import { isoDate, isoDateTime } from './common.ts';

// Information security objectives (ISO/IEC 27001:2022 6.2): the register, and the results recorded over
// time (6.2 d monitored; the documented information of 6.2's last paragraph).

export const objectiveRef = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore');

const text = (max: number) => z.string().trim().max(max);
/** A finite figure: the indicator's value or target (no NaN or infinity reaches the database). */
const figure = z.number().finite().min(-1e12).max(1e12);

const fields = {
  title: z.string().trim().min(1).max(300).describe('the objective (6.2)'),
  policy: text(500).describe('the policy statement it is consistent with (6.2 a)'),
  measure: z.string().trim().min(1).max(500).describe('the indicator that shows whether it is met (6.2 b)'),
  target: figure.describe('the value the indicator must reach (6.2 b)'),
  direction: z.enum(targetDirections).describe('at least or at most the target'),
  unit: text(30).describe('unit of the indicator, e.g. %, days, incidents'),
  plan: text(4000).describe('what will be done (6.2, planning to achieve it)'),
  resources: text(2000).describe('what resources will be required'),
  owner: text(200).describe('who will be responsible'),
  dueOn: isoDate.nullable().describe('when it will be completed'),
  evaluation: text(2000).describe('how the results will be evaluated (and how often they are measured)'),
  status: z.enum(objectiveStatuses),
};

export const objectiveInput = z.object({
  ref: objectiveRef,
  title: fields.title,
  policy: fields.policy.default(''),
  measure: fields.measure,
  target: fields.target,
  direction: fields.direction.default('at_least'),
  unit: fields.unit.default(''),
  plan: fields.plan.default(''),
  resources: fields.resources.default(''),
  owner: fields.owner.default(''),
  dueOn: fields.dueOn.default(null),
  evaluation: fields.evaluation.default(''),
  status: fields.status.default('planned'),
});

/** Explicit update shape (no defaults), so a PATCH changes only what it names. */
export const objectiveUpdate = z
  .object({
    title: fields.title.optional(),
    policy: fields.policy.optional(),
    measure: fields.measure.optional(),
    target: fields.target.optional(),
    direction: fields.direction.optional(),
    unit: fields.unit.optional(),
    plan: fields.plan.optional(),
    resources: fields.resources.optional(),
    owner: fields.owner.optional(),
    dueOn: fields.dueOn.optional(),
    evaluation: fields.evaluation.optional(),
    status: fields.status.optional(),
  })
  .strict();

export const objectiveResultInput = z.object({
  measuredOn: isoDate,
  value: figure.describe('the indicator’s value on that day'),
  note: text(1000).default(''),
});

export const objectiveResult = z.object({
  id: z.string(),
  measuredOn: isoDate,
  value: z.number(),
  meetsTarget: z.boolean().describe('against the target in force when read'),
  note: z.string(),
  recordedBy: z.string(),
  recordedAt: isoDateTime,
});

/** How many of an objective's results an answer carries, newest first (the total says how many exist). */
export const RESULTS_SHOWN = 24;

export const objective = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  policy: z.string(),
  measure: z.string(),
  target: z.number(),
  direction: z.enum(targetDirections),
  unit: z.string(),
  targetText: z.string().describe('the target as read, e.g. "≥ 99.9 %"'),
  plan: z.string(),
  resources: z.string(),
  owner: z.string(),
  dueOn: isoDate.nullable(),
  evaluation: z.string(),
  status: z.enum(objectiveStatuses),
  progress: z.enum(objectiveProgresses).describe('the latest result against the target (6.2 d)'),
  overdue: z.boolean().describe('still planned or in progress after its due date'),
  results: z.array(objectiveResult).describe(`the latest ${RESULTS_SHOWN} results, newest first`),
  resultCount: z.number().int(),
  updatedBy: z.string(),
  updatedAt: isoDateTime,
});
export type ObjectiveDto = z.infer<typeof objective>;
