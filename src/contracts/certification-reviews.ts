import { z } from 'zod';
import { id, isoDate, isoDateTime } from './common.ts';

// Management review (ISO/IEC 27001:2022 clause 9.3): inputs gathered from the records at the time of the
// review (9.3.2), decisions and actions recorded (9.3.3), minutes exported.

export const reviewInputSection = z.object({
  key: z.string(),
  clause: z.string(),
  title: z.string(),
  available: z.boolean(),
  lines: z.array(z.string()),
});

export const reviewDecision = z.object({
  topic: z.string().trim().min(1).max(500),
  decision: z.string().trim().min(1).max(5000),
  owner: z.string().trim().max(200).default(''),
  dueOn: isoDate.nullable().default(null),
});

export const managementReviewInput = z.object({
  ref: z.string().trim().min(1).max(60),
  heldOn: isoDate,
  chair: z.string().trim().min(1).max(200),
  attendees: z.string().max(2000).default(''),
});

export const managementReviewUpdate = z
  .object({
    attendees: z.string().max(2000),
    decisions: z.array(reviewDecision).max(100),
    notes: z.string().max(20_000),
  })
  .partial();

export const managementReview = z.object({
  id,
  ref: z.string(),
  heldOn: isoDate,
  chair: z.string(),
  attendees: z.string(),
  inputs: z.array(reviewInputSection),
  decisions: z.array(reviewDecision),
  notes: z.string(),
  createdBy: z.string(),
  createdAt: isoDateTime,
});
