import cronParser from 'cron-parser';
import type { JobDefinition } from './jobs.catalogue.ts';
import type { JobQueue, QueueOptions } from './jobs.queue.ts';
import { attempt, RETRY, retryDelayMs } from './jobs.runner.ts';

/** Next firing time of a five-field UTC cron expression after `from`. */
export function nextRun(cron: string, from: Date): Date {
  return cronParser.parseExpression(cron, { currentDate: from, utc: true }).next().toDate();
}

// A timer cannot wait longer than 2^31-1 ms; a later firing re-arms on the way.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The in-process queue for a single instance on SQLite: each job on its cron schedule, with the same
 * retries and dead letters as on PostgreSQL. One run of a job at a time: a run that is still going when its
 * next time comes is not doubled.
 */
export function localJobQueue({ deps, jobs }: QueueOptions): JobQueue {
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  const busy = new Set<string>();
  let stopped = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    t.unref();
    timers.add(t);
  };

  const execute = (def: JobDefinition, n = 1) => {
    if (stopped) return;
    if (n === 1 && busy.has(def.name)) return;
    busy.add(def.name);
    const run = attempt(def, deps, { attempt: n, attempts: RETRY.attempts })
      .then(() => busy.delete(def.name))
      .catch(() => {
        if (n < RETRY.attempts && !stopped) later(retryDelayMs(n + 1), () => execute(def, n + 1));
        else busy.delete(def.name);
      })
      .finally(() => running.delete(run));
    running.add(run);
  };

  const arm = (def: JobDefinition) => {
    if (stopped) return;
    const at = nextRun(def.cron, deps.now());
    const wait = at.getTime() - deps.now().getTime();
    later(Math.max(0, Math.min(wait, MAX_TIMER_MS)), () => {
      if (deps.now().getTime() >= at.getTime()) execute(def);
      arm(def);
    });
  };

  return {
    driver: 'in-process',
    async start() {
      for (const def of jobs) {
        if (def.atStart) execute(def);
        arm(def);
      }
    },
    async runNow(name) {
      const def = jobs.find((j) => j.name === name);
      if (!def) throw new Error(`no job named '${name}'`);
      execute(def);
      await Promise.allSettled([...running]);
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
