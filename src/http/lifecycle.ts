import { AppError } from '../contracts/errors.ts';
import { health, ready } from '../contracts/foundation.ts';
import { databaseAnswers } from '../db/connection.ts';
import { migrationLevel } from '../db/migrate.ts';
import type { Runtime } from '../runtime.ts';
import type { ZodApp } from './route-types.ts';

/** How long readiness waits for the database before it calls the instance not ready. */
const READY_DB_TIMEOUT_MS = 2000;

/**
 * The two probes a load balancer (or an orchestrator) asks. `GET /api/health` is liveness: the process
 * answers, from memory, with no database query, so a slow database never gets a live instance killed.
 * `GET /api/ready` is readiness: the database answers, every migration of this release is applied, and
 * the instance is not draining; otherwise 503 problem+json, and the balancer sends the traffic elsewhere.
 */
export function registerLifecycleRoutes(app: ZodApp, rt: Runtime, version: string) {
  app.get(
    '/api/health',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness (answered from memory): version, database kind, migration level at start',
        response: { 200: health },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        status: 'ok' as const,
        version,
        database: { kind: rt.database.kind, migration: rt.migration.current, pending: rt.migration.pending },
      };
    },
  );
  app.get(
    '/api/ready',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Readiness: database reachable, migrations current, not shutting down (else 503)',
        response: { 200: ready },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      if (rt.lifecycle.draining) throw new AppError('unavailable', 'this instance is shutting down');
      if (!(await databaseAnswers(rt.database.db, READY_DB_TIMEOUT_MS)))
        throw new AppError('unavailable', 'the database does not answer');
      const level = await migrationLevel(rt.database.db);
      if (level.pending > 0)
        throw new AppError(
          'unavailable',
          `${level.pending} migration(s) not applied yet; run closeloop migrate`,
        );
      return { status: 'ready' as const, database: { kind: rt.database.kind, migration: level.current } };
    },
  );
}
