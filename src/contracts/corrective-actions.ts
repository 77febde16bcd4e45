import { z } from 'zod';
import { actionStatus } from '../vocabulary/statuses.ts';
import { id, isoDate, isoDateTime } from './common.ts';
import { effectivenessView } from './effectiveness.ts';
import { findingStatus, findingSummary, grade } from './findings.ts';

// The corrective action record of one nonconformity, in the order of ISO 27001 clause 10.2.

/** 10.2 a) react: the correction that contains the nonconformity now. */
export const correction = z.object({
  what: z.string().trim().max(10_000).default(''),
  who: z.string().trim().max(200).default(''),
  on: isoDate.nullable().default(null),
});

/** 10.2 b) evaluate the need for action: root cause analysis; the chain of whys is kept, not a sentence. */
export const rootCause = z.object({
  method: z.enum(['five_whys', 'cause_categories']).default('five_whys'),
  whys: z
    .array(z.object({ question: z.string().max(1000), answer: z.string().max(2000) }))
    .max(10)
    .default([]),
  categories: z
    .array(
      z.object({
        category: z.enum(['people', 'process', 'technology', 'supplier', 'environment', 'governance']),
        cause: z.string().max(2000),
      }),
    )
    .max(20)
    .default([]),
  statement: z.string().trim().max(5000).default(''),
  similarElsewhere: z.string().max(5000).default(''),
});

/** 10.2 d) review of the effectiveness of the corrective action taken. */
export const effectivenessReview = z.object({
  criteria: z.string().max(5000).default(''),
  reviewerEmail: z.string().email().nullable().default(null),
  reviewedOn: isoDate.nullable().default(null),
  result: z.enum(['effective', 'not_effective']).nullable().default(null),
  notes: z.string().max(5000).default(''),
});

export const recordUpdate = z.object({
  correction: correction.optional(),
  rootCause: rootCause.optional(),
  expectedEffect: z.string().max(5000).optional(),
  effectiveness: effectivenessReview.optional(),
});

export { actionStatus };
export const correctiveActionInput = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(5000).default(''),
  ownerEmail: z.string().trim().toLowerCase().email().nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  effortDays: z.number().min(0).max(1000).nullable().default(null),
});
// No defaults here: a PATCH of the status alone must leave owner, due date and effort as they are.
export const correctiveActionUpdate = z
  .object({
    title: z.string().trim().min(1).max(300),
    description: z.string().max(5000),
    ownerEmail: z.string().trim().toLowerCase().email().nullable(),
    dueOn: isoDate.nullable(),
    effortDays: z.number().min(0).max(1000).nullable(),
    status: actionStatus,
    earliestStart: isoDate.nullable().describe('the planner will not start it before this date'),
    serves: z.enum(['cap', 'evidence', 'close']).describe('the finding deadline the action must meet'),
  })
  .partial();
export const correctiveAction = z.object({
  id,
  title: z.string(),
  description: z.string(),
  owner: z.object({ id, name: z.string(), email: z.string() }).nullable(),
  dueOn: isoDate.nullable(),
  status: actionStatus,
  effortDays: z.number().nullable(),
  completedAt: isoDateTime.nullable(),
  overdue: z.boolean(),
});

/** 10.2 e) changes to the ISMS made because of this nonconformity. */
export const amendmentInput = z.object({
  kind: z.enum(['document', 'soa_entry', 'risk', 'control', 'process']),
  reference: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(2000),
});
export const amendment = amendmentInput.extend({ id, createdAt: isoDateTime });

export const evidenceFile = z.object({
  id,
  attachedTo: z.enum(['finding', 'correction', 'action', 'review']),
  attachedId: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  description: z.string(),
  uploadedBy: z.string(),
  uploadedAt: isoDateTime,
});

export const timelineEvent = z.object({
  id,
  kind: z.enum(['transition', 'comment', 'evidence', 'edit']),
  action: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actor: z.string(),
  body: z.string(),
  details: z.record(z.string(), z.unknown()),
  parentId: z.string().nullable(),
  at: isoDateTime,
});

export const transitionRequest = z.object({
  action: z.string().min(1).max(60),
  comment: z.string().trim().max(5000).optional(),
  decisionDate: isoDate.optional(),
  note: z.string().trim().max(5000).optional(),
  /** With verify_internally: the effectiveness criteria were checked against these evidence files. */
  verification: z
    .object({ criteriaMet: z.boolean(), evidenceIds: z.array(z.string().min(1).max(64)).max(50).default([]) })
    .optional(),
});

export const verificationRecord = z.object({
  by: z.string().nullable(),
  on: isoDate.nullable(),
  notes: z.string(),
  /** The effectiveness criteria as they stood when verified (clause 10.2 d). */
  criteria: z.string(),
  criteriaMet: z.boolean().nullable(),
  evidence: z.array(z.object({ fileName: z.string(), sha256: z.string() })),
});

export const commentRequest = z.object({
  body: z.string().trim().min(1).max(10_000),
  parentId: z.string().max(64).nullable().default(null),
});

export const findingDetail = findingSummary.extend({
  /** "major nonconformity", "minor nonconformity", or "area of concern" for stage 1. */
  kind: z.string(),
  effectivenessReview: effectivenessView,
  objectiveEvidence: z.string(),
  ofiReason: z.string().nullable(),
  record: z.object({
    correction,
    rootCause,
    expectedEffect: z.string(),
    effectiveness: effectivenessReview,
    verification: verificationRecord,
    auditorDecision: z.object({
      by: z.string().nullable(),
      on: isoDate.nullable(),
      note: z.string(),
      recordedBy: z.string().nullable(),
    }),
  }),
  actions: z.array(correctiveAction),
  amendments: z.array(amendment),
  evidence: z.array(evidenceFile),
  timeline: z.array(timelineEvent),
  availableActions: z.array(
    z.object({
      action: z.string(),
      label: z.string(),
      needsComment: z.boolean(),
      needsDecision: z.boolean(),
    }),
  ),
});

export const correctiveActionLogRow = z.object({
  auditRef: z.string(),
  ref: z.string(),
  grade,
  status: findingStatus,
  requirements: z.array(z.string()),
  owner: z.string().nullable(),
  capDueOn: isoDate.nullable(),
  evidenceDueOn: isoDate.nullable(),
  closeByOn: isoDate.nullable(),
  overdue: z.boolean(),
  ageDays: z.number().int(),
  openActions: z.number().int(),
  closedAt: isoDateTime.nullable(),
});
