import { z } from 'zod';
import { countsBy, isoDate, isoDateTime } from './common.ts';

// Register of documented information (ISO/IEC 27001:2022 7.5) and the mandatory items it must cover.

export const documentRef = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore');
export const documentStates = ['ok', 'missing', 'unapproved', 'review_overdue', 'review_due'] as const;
export const documentStateLabels: Record<(typeof documentStates)[number], string> = {
  ok: 'In place',
  missing: 'Missing',
  unapproved: 'Not approved',
  review_overdue: 'Review overdue',
  review_due: 'Review due soon',
};

const optionalEmail = z.string().trim().toLowerCase().email().max(254).nullable();

export const documentInput = z.object({
  ref: documentRef,
  title: z.string().trim().min(1).max(300),
  requirementKey: z.string().max(60).nullable().default(null),
  owner: z.string().trim().max(200).default(''),
  ownerEmail: optionalEmail.default(null),
  version: z.string().trim().max(40).default(''),
  location: z.string().trim().max(1000).default('').describe('where the file lives: URL or path in the DMS'),
  approvedBy: z.string().trim().max(200).nullable().default(null),
  approvedOn: isoDate.nullable().default(null),
  nextReviewOn: isoDate.nullable().default(null),
});

export const documentUpdate = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    requirementKey: z.string().max(60).nullable().optional(),
    owner: z.string().trim().max(200).optional(),
    ownerEmail: optionalEmail.optional(),
    version: z.string().trim().max(40).optional(),
    location: z.string().trim().max(1000).optional(),
    approvedBy: z.string().trim().max(200).nullable().optional(),
    approvedOn: isoDate.nullable().optional(),
    nextReviewOn: isoDate.nullable().optional(),
  })
  .strict();

export const ismsDocument = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  requirementKey: z.string().nullable(),
  requirement: z.string().nullable().describe('clause and title of the mandatory item it covers'),
  owner: z.string(),
  ownerEmail: z.string().nullable(),
  version: z.string(),
  location: z.string(),
  approvedBy: z.string().nullable(),
  approvedOn: isoDate.nullable(),
  nextReviewOn: isoDate.nullable(),
  lastRemindedOn: isoDate.nullable(),
  state: z.enum(documentStates),
  updatedAt: isoDateTime,
});
export type IsmsDocument = z.infer<typeof ismsDocument>;

export const readinessItem = z.object({
  key: z.string(),
  clause: z.string(),
  title: z.string(),
  kind: z.enum(['maintain', 'retain']),
  state: z.enum(documentStates),
  documents: z.array(z.object({ ref: z.string(), title: z.string(), state: z.enum(documentStates) })),
});
export const documentReadiness = z.object({
  items: z.array(readinessItem),
  counts: countsBy(documentStates),
});

export const reminderResult = z.object({
  sent: z.array(z.object({ ref: z.string(), to: z.string(), nextReviewOn: isoDate })),
  skipped: z.array(z.object({ ref: z.string(), why: z.string() })),
});
