import { z } from 'zod';
import { auditType, recommendation } from '../vocabulary/audit-types.ts';
import { policyKey } from '../vocabulary/deadline-policy.ts';
import { grade } from '../vocabulary/grades.ts';
import { findingStatus } from '../vocabulary/statuses.ts';
import { id, isoDate, isoDateTime } from './common.ts';
import { effectivenessSummary } from './effectiveness.ts';

// Grades, statuses, audit types and the one deadline-policy schema are the vocabulary's.
export {
  type AuditType,
  auditType,
  auditTypes,
  recommendation,
  recommendations,
} from '../vocabulary/audit-types.ts';
export {
  deadlinePolicy,
  deadlinePolicyDefinition,
  policyKey,
  upsertDeadlinePolicy,
} from '../vocabulary/deadline-policy.ts';
export { type Grade, grade, grades } from '../vocabulary/grades.ts';
export { type FindingStatus, findingStatus, findingStatuses } from '../vocabulary/statuses.ts';

export const auditInput = z.object({
  ref: z.string().trim().min(1).max(60),
  type: auditType,
  certificationBody: z.string().trim().min(1).max(200),
  leadAuditor: z.string().trim().max(200).nullable().default(null),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  closingMeetingOn: isoDate.nullable().optional(),
  scope: z.string().max(5000).default(''),
  reportReceivedOn: isoDate.nullable().default(null),
  recommendation: recommendation.nullable().default(null),
  /** The organisation's default policy when not given (`cb-90` on a new organisation). */
  policyKey: policyKey.optional(),
});
// Updates list their fields without defaults: with defaults, a PATCH of one field would reset the others.
export const auditUpdate = z
  .object({
    type: auditType,
    certificationBody: z.string().trim().min(1).max(200),
    leadAuditor: z.string().trim().max(200).nullable(),
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
    closingMeetingOn: isoDate.nullable(),
    scope: z.string().max(5000),
    reportReceivedOn: isoDate.nullable(),
    recommendation: recommendation.nullable(),
    policyKey,
  })
  .partial();

/** Who closes an audit's nonconformities: the organisation (internal, second party, stage 1) or the CB. */
export const closer = z.enum(['organisation', 'certification_body']);

/** What an unverified major means for the certificate: stage 2 repeated, or suspension risk. */
export const certificationRisk = z.object({
  kind: z.enum(['repeat_stage2', 'suspension_risk']),
  on: isoDate,
  reached: z.boolean(),
  findings: z.array(z.string()),
  message: z.string(),
});

export const impliedRecommendation = z.object({
  implied: recommendation,
  atRisk: z.boolean(),
  reasons: z.array(z.string()),
});

export const auditSummary = z.object({
  id,
  ref: z.string(),
  type: auditType,
  certificationBody: z.string(),
  leadAuditor: z.string().nullable(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  scope: z.string(),
  closingMeetingOn: isoDate.nullable(),
  reportReceivedOn: isoDate.nullable(),
  recommendation: recommendation.nullable(),
  /** Null for audits that imply no certification recommendation (internal, second party, stage 1). */
  impliedRecommendation: impliedRecommendation.nullable(),
  closer,
  risks: z.array(certificationRisk),
  policyKey: z.string(),
  counts: z.object({
    major: z.number(),
    minor: z.number(),
    ofi: z.number(),
    open: z.number(),
    overdue: z.number(),
  }),
  nextDeadline: z.object({ kind: z.enum(['cap', 'evidence', 'close']), on: isoDate }).nullable(),
  createdAt: isoDateTime,
});

export const requirementRef = z.object({
  kind: z.enum(['clause', 'annex_a']),
  id: z.string(),
  label: z.string(),
});

export const escalationFlag = z.object({
  kind: z.enum(['possible_systemic_major', 'not_effectively_resolved']),
  message: z.string(),
  related: z.array(z.string()),
});

export const findingSummary = z.object({
  id,
  auditRef: z.string(),
  ref: z.string(),
  grade,
  status: findingStatus,
  requirements: z.array(z.string()),
  statement: z.string(),
  area: z.string(),
  owner: z.object({ id, name: z.string(), email: z.string() }).nullable(),
  capDueOn: isoDate.nullable(),
  evidenceDueOn: isoDate.nullable(),
  closeByOn: isoDate.nullable(),
  overdue: z.boolean(),
  ageDays: z.number().int(),
  escalation: z.array(escalationFlag),
  /** Who closes it, from its audit's type. */
  closer,
  /** Its current review of effectiveness (10.2 d), or null when none is planned. */
  effectiveness: effectivenessSummary,
  updatedAt: isoDateTime,
});

export const findingInput = z.object({
  ref: z.string().trim().min(1).max(60),
  grade,
  requirements: z.array(z.string().trim().min(1).max(40)).min(1).max(20),
  statement: z.string().trim().min(1).max(10_000),
  objectiveEvidence: z.string().max(10_000).default(''),
  area: z.string().trim().max(200).default(''),
  ownerEmail: z.string().trim().toLowerCase().email().nullable().default(null),
});
export const findingUpdate = z
  .object({
    grade,
    requirements: z.array(z.string().trim().min(1).max(40)).min(1).max(20),
    statement: z.string().trim().min(1).max(10_000),
    objectiveEvidence: z.string().max(10_000),
    area: z.string().trim().max(200),
    ownerEmail: z.string().trim().toLowerCase().email().nullable(),
  })
  .partial();

export const findingQuery = z.object({
  audit: z.string().max(60).optional(),
  grade: grade.optional(),
  status: findingStatus.optional(),
  requirement: z.string().max(40).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(['ref', 'grade', 'status', 'capDueOn', 'closeByOn', 'updatedAt']).default('ref'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});

/** The answer to a nonconformity report import: the rows read, or the rows and columns at fault. */
export const importReport = z.object({
  dryRun: z.boolean(),
  imported: z.number().int(),
  rows: z.number().int().describe('findings read from the file (good rows); `findings` lists the first 100'),
  problems: z.number().int().describe('problems found in all; `errors` lists the first 200 by row'),
  findings: z.array(
    z.object({
      line: z.number(),
      ref: z.string(),
      grade: z.string(),
      requirements: z.array(z.string()),
      statement: z.string(),
      objectiveEvidence: z.string(),
      ownerEmail: z.string().nullable(),
    }),
  ),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  headerRow: z.number().int().describe('row of the header (title rows above it are skipped)'),
  headers: z.array(z.string()).describe('the headers found in that row'),
  mapping: z
    .record(z.string(), z.string().nullable())
    .describe(
      'the header read for each template column (chosen, remembered or suggested); null: not imported',
    ),
  remembered: z.boolean().describe("a mapping remembered for the audit's certification body was applied"),
});
