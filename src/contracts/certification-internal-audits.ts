import { z } from 'zod';
import { checkResult } from '../vocabulary/grades.ts';
import { id, isoDate } from './common.ts';

// The internal audit programme (ISO/IEC 27001:2022 clause 9.2): planned internal audits with an auditor
// independent of the audited area, a checklist generated from the requirements in scope, results per
// requirement with evidence, and nonconformities raised as findings in one step.

export { checkResult };

/** A clause of 4–10, an Annex A control (`A.8.8`), or an own control of the SoA (`ORG-1`, 6.1.3 b NOTE 1). */
export const requirementKind = z.enum(['clause', 'annex_a', 'own_control']);

export const internalAuditInput = z.object({
  ref: z.string().trim().min(1).max(60),
  area: z.string().trim().min(1).max(200),
  auditorEmail: z.string().trim().toLowerCase().email(),
  /** The person responsible for the audited area; the auditor must be someone else (9.2.2). */
  auditeeEmail: z.string().trim().toLowerCase().email(),
  plannedOn: isoDate,
  /** Clauses (`9.2`), Annex A controls (`A.8.8`) and applicable own controls of the SoA (`ORG-1`) in scope. */
  requirements: z.array(z.string().trim().min(1).max(40)).min(1).max(200),
  samplingNotes: z.string().max(5000).default(''),
});

export const checkUpdate = z
  .object({
    result: checkResult.nullable(),
    evidence: z.string().max(10_000),
    sampling: z.string().max(5000),
  })
  .partial();

export const raiseFindingInput = z.object({
  ref: z.string().trim().min(1).max(60),
  statement: z.string().trim().min(1).max(10_000),
  ownerEmail: z.string().trim().toLowerCase().email().nullable().default(null),
});

export const checklistItem = z.object({
  id,
  requirement: z.string(),
  kind: requirementKind,
  title: z.string(),
  question: z.string(),
  followUp: z.array(z.string()),
  result: checkResult.nullable(),
  evidence: z.string(),
  sampling: z.string(),
  checkedBy: z.string().nullable(),
  checkedOn: isoDate.nullable(),
  finding: z.object({ id, ref: z.string(), status: z.string() }).nullable(),
});

export const internalAuditSummary = z.object({
  id,
  ref: z.string(),
  area: z.string(),
  auditor: z.object({ id, name: z.string(), email: z.string() }),
  auditee: z.object({ id, name: z.string(), email: z.string() }),
  plannedOn: isoDate,
  status: z.enum(['planned', 'in_progress', 'completed']),
  samplingNotes: z.string(),
  progress: z.object({
    total: z.number().int(),
    recorded: z.number().int(),
    nonconformities: z.number().int(),
  }),
});

export const internalAuditDetail = internalAuditSummary.extend({ checklist: z.array(checklistItem) });

export const coverageItem = z.object({
  ref: z.string(),
  kind: requirementKind,
  title: z.string(),
  timesAudited: z.number().int(),
  lastAuditedOn: isoDate.nullable(),
  lastResult: checkResult.nullable(),
});

export const auditProgramme = z.object({
  from: isoDate,
  to: isoDate,
  basis: z.string(),
  total: z.number().int(),
  covered: z.number().int(),
  percent: z.number().int(),
  gaps: z.array(coverageItem.pick({ ref: true, kind: true, title: true })),
  items: z.array(coverageItem),
  audits: z.array(internalAuditSummary),
});

/** What the internal auditor checked when verifying a corrective action (clause 9.2, 10.2 d). */
export const verificationInput = z.object({
  comment: z.string().trim().min(1).max(5000),
  /** The effectiveness criteria were checked and are met; `false` returns the evidence for rework. */
  criteriaMet: z.boolean(),
  /** Evidence files examined (ids of the finding's evidence). */
  evidenceIds: z.array(id).max(50).default([]),
});

export const pendingVerification = z.object({
  findingId: id,
  auditRef: z.string(),
  ref: z.string(),
  grade: z.string(),
  requirements: z.array(z.string()),
  statement: z.string(),
  criteria: z.string(),
  implementers: z.array(z.string()),
  mayVerify: z.boolean(),
  evidence: z.array(z.object({ id, fileName: z.string(), sha256: z.string() })),
});
