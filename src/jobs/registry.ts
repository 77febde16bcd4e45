import type { Logger } from 'pino';
import type { DatabaseKind, Db } from '../db/connection.ts';
import type { AppEnv } from '../modules/context.ts';

// Background work as named job functions (issue #16). A job knows nothing of how it is triggered: today
// an in-process timer runs it (`startJobTimer`), later a PostgreSQL-backed queue may (#17). Each run gets
// the same dependencies, and a failure is logged with the job's name, never swallowed.

export interface JobDeps {
  db: Db;
  kind: DatabaseKind;
  env: AppEnv;
  now: () => Date;
  log: Pick<Logger, 'info' | 'error' | 'warn'>;
}

export type JobFn = (deps: JobDeps) => Promise<unknown>;

export interface JobRegistry {
  register(name: string, fn: JobFn): void;
  names(): string[];
  /** Runs one job; resolves with its result, or undefined after logging its failure. */
  run(name: string, deps: JobDeps): Promise<unknown>;
}

export function createJobRegistry(): JobRegistry {
  const jobs = new Map<string, JobFn>();
  return {
    register(name, fn) {
      if (jobs.has(name)) throw new Error(`job ${name} is registered twice`);
      jobs.set(name, fn);
    },
    names: () => [...jobs.keys()],
    async run(name, deps) {
      const fn = jobs.get(name);
      if (!fn) throw new Error(`no job ${name}`);
      try {
        return await fn(deps);
      } catch (err) {
        deps.log.error({ err, job: name }, `job ${name} failed`);
        return undefined;
      }
    },
  };
}

export interface JobTimer {
  /** Stops the timers and waits for the runs in progress. */
  stop(): Promise<void>;
}

/**
 * Runs each named job every `everyMs` (and once at start), never two runs of one job at a time: a tick
 * that finds the previous run still going is skipped.
 */
export function startJobTimer(
  registry: JobRegistry,
  schedule: { name: string; everyMs: number }[],
  deps: JobDeps,
): JobTimer {
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;
  const tick = (name: string) => {
    if (stopped || running.has(name)) return;
    const run = registry.run(name, deps).finally(() => running.delete(name));
    running.set(name, run);
  };
  const timers = schedule.map(({ name, everyMs }) => {
    const t = setInterval(() => tick(name), everyMs);
    t.unref();
    tick(name);
    return t;
  });
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.all(running.values());
    },
  };
}
