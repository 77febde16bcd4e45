import { z } from 'zod';
import { id, isoDateTime, orgParams } from './common.ts';

// Dead letters of background jobs (issue #17): an organisation's, shown to its admins; the instance's
// own, shown to the instance operators (CLOSELOOP_OPERATORS).

export const failedJob = z.object({
  id,
  /** The job's name in the catalogue (`closeloop jobs list`). */
  job: z.string(),
  /** What the job does. */
  summary: z.string(),
  /** The last error's first line, credentials hidden (the whole message stays on the server). */
  error: z.string(),
  attempts: z.number().int(),
  failedAt: isoDateTime,
});
export type FailedJob = z.infer<typeof failedJob>;

export const failedJobParams = orgParams.extend({ failureId: id });
export const instanceFailedJobParams = z.object({ failureId: id });

export const jobRetryOutcome = z.object({
  id,
  job: z.string(),
  /** `succeeded`: the dead letter is gone; `failed`: it stays with the new error and one more attempt. */
  outcome: z.enum(['succeeded', 'failed']),
  error: z.string().nullable(),
});
export type JobRetryOutcome = z.infer<typeof jobRetryOutcome>;
