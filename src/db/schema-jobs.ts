// Background jobs and shared limits (migration 0017, issue #17).

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
}

export interface RateLimitHitTable {
  /** `<limit name>:<key>:<window start ms>`: a fixed window per limit and client. */
  bucket: string;
  hits: number;
  /** Epoch milliseconds after which the row is stale and may be deleted. */
  expires_at: number | string;
}

export interface JobTables {
  job_failure: JobFailureTable;
  rate_limit_hit: RateLimitHitTable;
}
