import { z } from 'zod';
import { id, isoDate, isoDateTime } from './common.ts';

// The review of effectiveness of the corrective action taken (ISO/IEC 27001:2022 10.2 d), its own record.

export const effectivenessResult = z.enum(['effective', 'not_effective']);

/** Plan the review: how effectiveness is judged, when, and by whom (never an implementer). */
export const effectivenessPlanInput = z.object({
  criteria: z.string().trim().min(1).max(5000),
  dueOn: isoDate,
  reviewerEmail: z.string().trim().toLowerCase().email(),
});

/** Record the outcome; `not_effective` reopens the corrective action for a new cause analysis (10.2 b). */
export const effectivenessResultInput = z.object({
  result: effectivenessResult,
  reviewedOn: isoDate.optional().describe('the day of the review; today when not given'),
  notes: z.string().trim().max(5000).default(''),
  evidenceIds: z.array(z.string().min(1).max(64)).max(50).default([]),
});

export const effectivenessRecord = z.object({
  id,
  criteria: z.string(),
  dueOn: isoDate.nullable(),
  reviewer: z.object({ id, name: z.string(), email: z.string() }).nullable(),
  result: effectivenessResult.nullable(),
  reviewedOn: isoDate.nullable(),
  notes: z.string(),
  evidence: z.array(z.object({ fileName: z.string(), sha256: z.string() })),
  recordedBy: z.string().nullable(),
  createdAt: isoDateTime,
});

/** What a finding shows of its current review: `{ dueOn, result, reviewedOn }`, or null when none. */
export const effectivenessSummary = z
  .object({
    dueOn: isoDate.nullable(),
    result: effectivenessResult.nullable(),
    reviewedOn: isoDate.nullable(),
  })
  .nullable();

export const effectivenessView = z.object({
  closer: z.enum(['organisation', 'certification_body']),
  /** e.g. "closed by CB — effectiveness review due 2027-09-30". */
  line: z.string().nullable(),
  current: effectivenessRecord.nullable(),
  /** Earlier reviews (found not effective), newest first. */
  history: z.array(effectivenessRecord),
});
