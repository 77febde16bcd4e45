// Background jobs and shared limits (migration 0017, issue #17), and the webhook outbox the delivery job
// sends (migration 0022, issue #20: src/db/schema-webhooks.ts).
import type { WebhookTables } from './schema-webhooks.ts';

export interface JobFailureTable {
  id: string;
  /** The job's name in the catalogue (src/modules/jobs/jobs.catalogue.ts). */
  job: string;
  /** JSON of the job's data. */
  data: string;
  /** The last attempt's error message (never a stack, never data from a request). */
  error: string;
  attempts: number;
  failed_at: string;
  /** The organisation whose work failed (its admins see it); null for a job of the instance (migration 0028). */
  organisation_id: string | null;
}

export interface RateLimitHitTable {
  /** `<limit name>:<key>:<window start ms>`: a fixed window per limit and client. */
  bucket: string;
  hits: number;
  /** Epoch milliseconds after which the row is stale and may be deleted. */
  expires_at: number | string;
}

export interface JobTables extends WebhookTables {
  job_failure: JobFailureTable;
  rate_limit_hit: RateLimitHitTable;
}
