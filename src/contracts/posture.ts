import { z } from 'zod';
import { id, isoDate, isoDateTime } from './common.ts';
import { recommendation } from './findings.ts';

// The posture API: closeloop's readiness and implementation scores (0–100) with every contribution, projections of
// chosen work, the ranked actions, the fastest path to a `recommended` decision, readiness, history and
// the dashboard's series. The model (src/domain/posture) is versioned; every figure names its version.

export const figures = z.object({
  readinessScore: z
    .number()
    .describe('readiness score, 0–100: applicable controls and mandatory documents in place, less open NCs'),
  implementationScore: z
    .number()
    .describe('implementation score, 0–100: risk-weighted controls and attribute coverage, less open NCs'),
});

export const areaScore = z.object({
  key: z.string(),
  label: z.string(),
  score: z.number().nullable().describe('0–100; null when nothing in the area counts'),
  inPlace: z.number().nullable().describe('share of the controls or documents in place, 0–1'),
  findingsLoad: z.number(),
  openFindings: z.number().int(),
});

export const rankedAction = z.object({
  taskId: id,
  title: z.string(),
  findingId: id,
  findingRef: z.string(),
  grade: z.string(),
  prerequisites: z.array(id).describe('unfinished predecessors included in the effort and the effect'),
  effortDays: z.number(),
  dueOn: isoDate.nullable(),
  delta: figures,
  after: figures,
  impactPerDay: z.number(),
});

export const blocker = z.object({
  findingId: id,
  ref: z.string(),
  grade: z.string(),
  status: z.string(),
  reason: z.string(),
  readyOn: isoDate.nullable(),
});

export const readinessSchema = z.object({
  implied: recommendation,
  atRisk: z.boolean(),
  reasons: z.array(z.string()),
  recommendedBy: isoDate
    .nullable()
    .describe('per the planner forecast; null when a nonconformity has no plan'),
  blockers: z.array(blocker),
});

export const snapshot = z.object({
  recordedAt: isoDateTime,
  model: z.string(),
  trigger: z.enum(['change', 'daily', 'replay']),
  readinessScore: z.number(),
  implementationScore: z.number(),
  openFindings: z.number().int(),
});

const parts = z.object({
  readinessScore: z.object({ controls: z.number(), documents: z.number(), findings: z.number() }),
  implementationScore: z.object({ controls: z.number(), attributes: z.number(), findings: z.number() }),
});

export const postureSummary = z.object({
  model: z.string(),
  computedAt: isoDateTime,
  readinessScore: z.number(),
  implementationScore: z.number(),
  parts,
  byClause: z.array(areaScore),
  byTheme: z.array(areaScore),
  openFindings: z.number().int(),
  soa: z.object({ version: z.number().int().nullable(), approved: z.boolean() }),
  readiness: readinessSchema,
  ranked: z.array(rankedAction),
  trend: z.array(snapshot),
});

export const postureExplanation = z.object({
  model: z.string(),
  computedAt: isoDateTime,
  readinessScore: z.number(),
  implementationScore: z.number(),
  exact: figures,
  parts,
  weights: z.record(z.string(), z.unknown()).describe('the constants of the model version'),
  contributions: z.object({
    bases: figures.describe('each score before open findings: what the findings’ shares are taken from'),
    controls: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        theme: z.string(),
        applicable: z.boolean(),
        status: z.string(),
        source: z
          .enum(['annex_a', 'other'])
          .describe("an Annex A control, or the organisation's own (6.1.3 b)"),
        factor: z.number().describe('share earned in the readiness score'),
        implementedFactor: z.number().describe('share earned in the implementation score'),
        weight: z.number(),
        risks: z.array(z.string()),
        readinessScore: z.number(),
        implementationScore: z.number(),
      }),
    ),
    documents: z.array(
      z.object({
        key: z.string(),
        clause: z.string(),
        title: z.string(),
        state: z.string(),
        factor: z.number(),
        readinessScore: z.number(),
      }),
    ),
    attributes: z.array(
      z.object({
        kind: z.enum(['concept', 'property']),
        dimension: z.string(),
        controls: z.number().int(),
        coverage: z.number(),
        implementationScore: z.number(),
      }),
    ),
    findings: z.array(
      z.object({
        id,
        ref: z.string(),
        grade: z.string(),
        status: z.string(),
        overdue: z.boolean(),
        requirements: z.array(z.string()),
        progress: z.number(),
        load: z.number(),
        readinessScore: z.number(),
        implementationScore: z.number(),
      }),
    ),
  }),
});

export const projectionRequest = z
  .object({
    tasks: z.array(id).max(2000).default([]).describe('corrective actions or plan tasks taken as done'),
    findings: z.array(id).max(500).default([]).describe('findings taken as closed'),
  })
  .strict();

export const projectionResponse = z.object({
  model: z.string(),
  exact: z.object({ before: figures, after: figures, delta: figures }),
  before: figures.describe('as displayed (one decimal)'),
  after: figures,
  implied: z.object({ before: recommendation, after: recommendation }),
});

export const fastestPathResponse = z.object({
  model: z.string(),
  steps: z.array(
    rankedAction
      .omit({ prerequisites: true, impactPerDay: true })
      .extend({ forNonconformity: z.boolean(), startOn: isoDate.nullable(), finishOn: isoDate.nullable() }),
  ),
  recommendedBy: isoDate.nullable().describe('with this order'),
  currentRecommendedBy: isoDate.nullable().describe('with the current plan'),
  milestones: z.array(
    z.object({
      deadline: z.enum(['cap', 'evidence']),
      on: isoDate,
      readinessScore: z.number(),
      implementationScore: z.number(),
    }),
  ),
});

export const postureHistory = z.object({ points: z.array(snapshot) });
export const historyQuery = z.object({ days: z.coerce.number().int().min(1).max(1100).default(90) });
export const rankedQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(10) });

export const postureDashboard = z.object({
  burndown: z.array(
    z.object({
      date: isoDate,
      open: z.number().int().nullable().describe('open nonconformities that day (null: in the future)'),
      forecast: z.number().int().nullable().describe('open per the planner forecast (null: in the past)'),
      target: z.number().describe('straight line from the report to zero at the closure deadline'),
    }),
  ),
  deadlines: z.array(z.object({ kind: z.enum(['cap', 'evidence', 'close']), on: isoDate })),
  byGrade: z.array(z.object({ grade: z.string(), open: z.number().int(), overdue: z.number().int() })),
  byRequirement: z.array(
    z.object({
      requirement: z.string(),
      major: z.number().int(),
      minor: z.number().int(),
      ofi: z.number().int(),
    }),
  ),
  overdue: z
    .array(
      z.object({
        kind: z.enum(['finding', 'action', 'document']),
        ref: z.string(),
        title: z.string(),
        dueOn: isoDate,
        daysLate: z.number().int(),
      }),
    )
    .describe('the most late overdue items first, at most 50; overdueTotal counts them all'),
  overdueTotal: z.number().int().describe('how many findings, actions and document reviews are overdue'),
});
