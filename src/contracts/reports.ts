import { z } from 'zod';
import { isoDateTime } from './common.ts';

// Reports sent to the certification body (issue #14): formats and submitted CAP revisions.

export const reportKind = z.enum(['cap', 'evidence', 'nc-statements', 'corrective-action-log']);
export const reportFormat = z.enum(['pdf', 'xlsx', 'json', 'zip']);

export const reportQuery = z.object({
  audit: z.string().max(60).optional(),
  format: reportFormat.default('pdf'),
  revision: z.coerce.number().int().min(1).max(100_000).optional().describe('a submitted CAP revision'),
});

/** One submission of a Corrective Action Plan, kept with the document as submitted. */
export const capRevision = z.object({
  audit: z.string(),
  number: z.number().int(),
  submittedBy: z.string(),
  submittedAt: isoDateTime,
  approvedBy: z.string().nullable(),
  approvedAt: isoDateTime.nullable(),
});
