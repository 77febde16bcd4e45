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

/**
 * better-auth's rate-limit storage for one SQLite instance: the same fixed windows, counted in this
 * runtime's own memory. Not better-auth's "memory" storage, which is one map for the whole process (two
 * runtimes in one process, as in the test harness, would count each other's sign-ins) and walks all its
 * entries on every request. Ended windows go at most every 10 s; the map never holds more than `cap`.
 */
export function instanceAuthStorage(cap = 100_000) {
  const windows = new Map<string, { count: number; end: number }>();
  let nextSweep = 0;
  const sweep = (nowMs: number) => {
    if (nowMs >= nextSweep) {
      nextSweep = nowMs + 10_000;
      for (const [key, w] of windows) if (w.end <= nowMs) windows.delete(key);
    }
    // Oldest first (a Map keeps insertion order): a flood of new clients cannot grow it without bound.
    for (const key of windows.keys()) {
      if (windows.size < cap) break;
      windows.delete(key);
    }
  };
  return {
    async consume(key: string, rule: { window: number; max: number }, nowMs = Date.now()) {
      sweep(nowMs);
      const w = windowOf(nowMs, rule.window * 1000);
      const id = `${key}:${w.start}`;
      const current = (windows.get(id)?.count ?? 0) + 1;
      windows.set(id, { count: current, end: w.end });
      return current <= rule.max
        ? { allowed: true, retryAfter: null }
        : { allowed: false, retryAfter: Math.max(1, Math.ceil((w.end - nowMs) / 1000)) };
    },
    get size() {
      return windows.size;
    },
  };
}

/** Drops the windows that ended before `nowMs` (the housekeeping job); returns how many went. */
export function pruneEndedWindows(db: Db, nowMs: number): Promise<number> {
  return deleteStaleRateLimitHits(db, nowMs);
}
