import type { Db } from '../../db/connection.ts';
import { deleteStaleRateLimitHits, hitRateLimit } from './rate-limits.repository.ts';

// Rate limits counted in the database so that N instances behind a load balancer give the allowance of
// one (issue #17). Fixed windows: a window's row is `<limit>:<client>:<window start>`, incremented by an
// upsert that every instance sees at once. Used with PostgreSQL; a single SQLite instance keeps counting in
// memory (nothing to share, and no write per request on the embedded engine).

const windowOf = (nowMs: number, windowMs: number) => {
  const start = nowMs - (nowMs % windowMs);
  return { start, end: start + windowMs };
};

/** One hit against `limit` for `client`; the window's count after it and the ms left in the window. */
export async function countHit(db: Db, limit: string, client: string, windowMs: number, nowMs = Date.now()) {
  const w = windowOf(nowMs, windowMs);
  const current = await hitRateLimit(db, `${limit}:${client}:${w.start}`, w.end);
  return { current, ttl: w.end - nowMs };
}

/** better-auth's rate-limit storage (its sign-in, reset and other limits), counted in the database. */
export function sharedAuthStorage(db: Db) {
  return {
    async consume(key: string, rule: { window: number; max: number }) {
      const { current, ttl } = await countHit(db, 'auth', key, rule.window * 1000);
      return current <= rule.max
        ? { allowed: true, retryAfter: null }
        : { allowed: false, retryAfter: Math.max(1, Math.ceil(ttl / 1000)) };
    },
  };
}

/** Drops the windows that ended before `nowMs` (the housekeeping job); returns how many went. */
export function pruneEndedWindows(db: Db, nowMs: number): Promise<number> {
  return deleteStaleRateLimitHits(db, nowMs);
}
