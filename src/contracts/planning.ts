import { z } from 'zod';
import { actionStatus } from '../vocabulary/statuses.ts';
import { id, isoDate, isoDateTime } from './common.ts';

// The remediation planner's API: tasks (corrective actions and free tasks) with dependencies, people with
// their capacity and time off, the forecast against the certification body's deadlines, and what-if
// scenarios compared with the current plan.

export const deadlineKind = z
  .enum(['cap', 'evidence', 'close'])
  .describe('the finding deadline a task serves');
/** A plan task is a corrective action: one status set (the vocabulary's). */
export const taskStatus = actionStatus;
const person = z.object({ id, name: z.string(), email: z.string() });

export const planTask = z.object({
  id,
  kind: z.enum(['action', 'task']).describe('a corrective action of a finding, or a free task'),
  title: z.string(),
  description: z.string(),
  finding: z.object({ id, ref: z.string(), grade: z.string(), auditRef: z.string() }).nullable(),
  owner: person.nullable(),
  effortDays: z.number(),
  estimated: z.boolean().describe('false when no effort was entered and one day is assumed'),
  earliestStart: isoDate.nullable(),
  dueOn: isoDate.nullable(),
  serves: deadlineKind,
  status: taskStatus,
  predecessors: z.array(z.object({ id, lagDays: z.number().int() })),
  unreadComments: z.number().int(),
});

export const planPerson = person.extend({
  role: z.string(),
  share: z.number(),
  weekdays: z.array(z.number().int().min(1).max(7)),
  configured: z.boolean().describe('false: no capacity entered, a full working day is assumed'),
  placeholder: z.boolean().describe('a person added in a scenario, not (yet) a member'),
  timeOff: z.array(z.object({ id, from: isoDate, to: isoDate, reason: z.string() })),
});

export const planFinding = z.object({
  id,
  ref: z.string(),
  grade: z.string(),
  status: z.string(),
  auditRef: z.string(),
  capDueOn: isoDate.nullable(),
  evidenceDueOn: isoDate.nullable(),
  closeByOn: isoDate.nullable(),
});

const cause = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('predecessor'), taskId: id }),
    z.object({ kind: z.literal('owner'), taskId: id }),
    z.object({ kind: z.literal('release') }),
  ])
  .nullable();

export const deadlineMiss = z.object({
  deadline: deadlineKind,
  dueOn: isoDate,
  finishOn: isoDate,
  lateByWorkingDays: z.number().int(),
  chain: z.array(z.string()),
  chainIds: z.array(id),
});

export const forecast = z.object({
  today: isoDate,
  finishOn: isoDate.nullable(),
  makespanDays: z.number().int(),
  criticalPath: z.array(id),
  tasks: z.array(
    z.object({
      id,
      startOn: isoDate,
      finishOn: isoDate,
      durationDays: z.number().int(),
      critical: z.boolean(),
      marginDays: z.number().int().nullable(),
      dueOn: isoDate.nullable(),
      cause,
    }),
  ),
  findings: z.array(
    z.object({
      id,
      ref: z.string(),
      finishOn: isoDate.nullable(),
      status: z.enum(['on_track', 'at_risk', 'no_open_tasks']),
      misses: z.array(deadlineMiss),
    }),
  ),
  workload: z.array(
    z.object({
      personId: id,
      weeks: z.array(z.object({ weekStart: isoDate, plannedDays: z.number(), capacityDays: z.number() })),
    }),
  ),
});

export const team = z.object({ id, name: z.string(), memberIds: z.array(id) });
export const teamInput = z.object({
  name: z.string().trim().min(1).max(80),
  memberIds: z.array(id).max(200).default([]),
});
export const teamUpdate = z.object({
  name: z.string().trim().min(1).max(80),
  memberIds: z.array(id).max(200),
});

export const dependency = z.object({ id, predecessorId: id, successorId: id, lagDays: z.number().int() });

export const plan = z.object({
  tasks: z.array(planTask),
  people: z.array(planPerson),
  findings: z.array(planFinding),
  dependencies: z.array(dependency),
  teams: z.array(team).describe('a team’s capacity is the sum of its members’ (Workload view)'),
  forecast,
  generatedAt: isoDateTime,
});

export const planQuery = z.object({
  audit: z.string().max(60).optional().describe('only the findings of this audit (its reference)'),
});

export const taskInput = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(5000).default(''),
  findingId: id.nullable().default(null),
  ownerEmail: z.string().trim().toLowerCase().email().nullable().default(null),
  effortDays: z.number().min(0).max(1000),
  earliestStart: isoDate.nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  serves: deadlineKind.default('evidence'),
});
// Explicit optional fields, no defaults: a PATCH of one field leaves the others as they are.
export const taskUpdate = z
  .object({
    title: z.string().trim().min(1).max(300),
    ownerEmail: z.string().trim().toLowerCase().email().nullable(),
    effortDays: z.number().min(0).max(1000),
    earliestStart: isoDate.nullable(),
    dueOn: isoDate.nullable(),
    serves: deadlineKind,
    status: taskStatus,
  })
  .partial();

export const dependencyInput = z.object({
  predecessorId: id,
  successorId: id,
  lagDays: z.number().int().min(0).max(365).default(0),
});

/** A working day, for capacities given in hours (ISO 27001 planning does not need more precision). */
export const WORKING_DAY_HOURS = 8;
export const capacityInput = z
  .object({
    share: z.number().gt(0).max(1).optional().describe('share of a working day for remediation (0–1)'),
    hoursPerDay: z
      .number()
      .gt(0)
      .max(WORKING_DAY_HOURS)
      .optional()
      .describe(`or hours per working day (of ${WORKING_DAY_HOURS})`),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]),
  })
  .refine((c) => (c.share === undefined) !== (c.hoursPerDay === undefined), {
    message: 'give either share or hoursPerDay',
    path: ['share'],
  });
export const timeOffInput = z
  .object({ from: isoDate, to: isoDate, reason: z.string().trim().max(200).default('') })
  .refine((t) => t.from <= t.to, { message: 'the time off ends before it starts', path: ['to'] });

export const planChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('estimate'), taskId: id, effortDays: z.number().min(0).max(1000) }),
  z.object({ kind: z.literal('owner'), taskId: id, ownerId: id.nullable() }),
  z.object({ kind: z.literal('capacity'), personId: id, share: z.number().gt(0).max(1) }),
  z.object({
    kind: z.literal('add_person'),
    personId: id.describe('a member’s user id, or `placeholder:<name>` for someone not yet hired'),
    name: z.string().trim().min(1).max(120),
    share: z.number().gt(0).max(1),
  }),
  z.object({ kind: z.literal('start'), taskId: id, earliestStart: isoDate.nullable() }),
  z.object({
    kind: z.literal('add_dependency'),
    predecessorId: id,
    successorId: id,
    lagDays: z.number().int().min(0).max(365),
  }),
  z.object({ kind: z.literal('remove_dependency'), predecessorId: id, successorId: id }),
]);
export type PlanChange = z.infer<typeof planChange>;

export const scenarioInput = z.object({
  name: z.string().trim().min(1).max(120),
  changes: z.array(planChange).max(500).default([]),
});
export const scenarioUpdate = z
  .object({ name: z.string().trim().min(1).max(120), changes: z.array(planChange).max(500) })
  .partial();

export const scenario = z.object({
  id,
  name: z.string(),
  status: z.enum(['open', 'applied', 'discarded']),
  changes: z.array(planChange),
  createdBy: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

const side = z.object({
  finishOn: isoDate.nullable(),
  status: z.enum(['on_track', 'at_risk', 'no_open_tasks']),
  misses: z.array(deadlineMiss),
});
export const scenarioComparison = z.object({
  scenario,
  current: z.object({
    finishOn: isoDate.nullable(),
    atRisk: z.number().int(),
    makespanDays: z.number().int(),
  }),
  proposed: z.object({
    finishOn: isoDate.nullable(),
    atRisk: z.number().int(),
    makespanDays: z.number().int(),
  }),
  findings: z.array(
    z.object({ id, ref: z.string(), current: side, scenario: side, shiftDays: z.number().int().nullable() }),
  ),
  forecast: forecast.describe('the scenario’s own forecast, for its Gantt'),
  people: z.array(planPerson),
});
