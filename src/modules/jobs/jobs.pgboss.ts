import { createRequire } from 'node:module';
import type PgBossType from 'pg-boss';
import type { JobQueue, QueueOptions } from './jobs.queue.ts';
import { attempt, RETRY } from './jobs.runner.ts';

// pg and pg-boss load only on PostgreSQL, where this queue runs; SQLite instances never need them.
const lazyRequire = createRequire(import.meta.url);
const loadPg = () => lazyRequire('pg') as typeof import('pg');
const loadPgBoss = () => lazyRequire('pg-boss') as typeof PgBossType;

/**
 * The PostgreSQL queue (pg-boss 10, docs/decisions/0011-job-queue.md) for any number of instances on one
 * database. Each job has a `stately` queue: at most one run waiting and one running across all instances,
 * so a schedule or an instance start never doubles a run; pg-boss's cron sends each scheduled run once
 * however many instances keep time. Retries back off exponentially; the last failure is a dead letter.
 */
/** Advisory lock key held while queues are created (any fixed bigint unique to this purpose). */
export const QUEUE_SETUP_LOCK_KEY = 0x636c6f73656c6f6fn + 1n;

export function pgBossJobQueue({ deps, jobs }: QueueOptions, connectionString: string): JobQueue {
  const PgBoss = loadPgBoss();
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    application_name: 'closeloop-jobs',
    max: 3,
    // Completed runs are kept a week for an operator to read, then pg-boss deletes them.
    deleteAfterDays: 7,
  });
  boss.on('error', (err) => deps.log.error({ err }, 'job queue error'));
  // Creating a queue creates its partition table: several instances doing it at once deadlock inside
  // pg-boss, so the first instance creates them under an advisory lock and the others find them there.
  const ensureQueues = async () => {
    const lock = new (loadPg().Client)({ connectionString, application_name: 'closeloop-jobs-setup' });
    await lock.connect();
    try {
      await lock.query('select pg_advisory_lock($1::bigint)', [QUEUE_SETUP_LOCK_KEY.toString()]);
      await createMissingQueues();
    } finally {
      await lock.end();
    }
  };
  const createMissingQueues = async () => {
    for (const def of jobs) {
      if (await boss.getQueue(def.name)) continue;
      await boss.createQueue(def.name, {
        name: def.name,
        policy: 'stately',
        retryLimit: RETRY.attempts - 1,
        retryDelay: RETRY.firstDelaySeconds,
        retryBackoff: true,
        // A run that takes longer than this is presumed dead (its instance was killed) and retried.
        expireInSeconds: 15 * 60,
      });
    }
  };
  return {
    driver: 'pg-boss',
    async start() {
      await boss.start();
      await ensureQueues();
      for (const def of jobs) {
        await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
        await boss.work<Record<string, unknown>>(
          def.name,
          { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 2 },
          async ([job]) => {
            if (!job) return;
            await attempt(def, deps, {
              attempt: job.retryCount + 1,
              attempts: job.retryLimit + 1,
              data: job.data,
            });
          },
        );
        if (def.atStart) await boss.send(def.name, {});
      }
    },
    async runNow(name) {
      if (!jobs.some((j) => j.name === name)) throw new Error(`no job named '${name}'`);
      await boss.send(name, {});
    },
    async stop() {
      // Finish the runs in progress (they are given up to 20 s), then close the queue's connections.
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}
