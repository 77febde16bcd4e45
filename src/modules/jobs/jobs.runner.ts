import type { JobDefinition, JobDeps } from './jobs.catalogue.ts';
import { recordJobFailure } from './jobs.repository.ts';

/** How many times a job is tried before it becomes a dead letter, and the first retry delay. */
export const RETRY = { attempts: 4, firstDelaySeconds: 30 } as const;

/** Delay before attempt `next` (2, 3, …): 30 s, 60 s, 120 s — exponential back-off. */
export const retryDelayMs = (next: number) => RETRY.firstDelaySeconds * 1000 * 2 ** (next - 2);

/**
 * One attempt of a job, the same on both drivers: logs the outcome; on the last attempt a failure is
 * recorded as a dead letter (`closeloop jobs failed`) before it is rethrown. A failure is never swallowed.
 */
export async function attempt(
  def: JobDefinition,
  deps: JobDeps,
  at: { attempt: number; attempts: number; data?: unknown },
): Promise<unknown> {
  const started = Date.now();
  try {
    const result = await def.run(deps);
    deps.log.info({ job: def.name, attempt: at.attempt, ms: Date.now() - started, result }, 'job done');
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const last = at.attempt >= at.attempts;
    deps.log.error({ job: def.name, attempt: at.attempt, attempts: at.attempts, err }, 'job failed');
    if (last) {
      await recordJobFailure(deps.db, {
        job: def.name,
        data: at.data ?? {},
        error: message,
        attempts: at.attempt,
        failedAt: deps.now().toISOString(),
      }).catch((e) => deps.log.error({ job: def.name, err: e }, 'could not record the dead letter'));
    }
    throw err;
  }
}
