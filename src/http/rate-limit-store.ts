import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/connection.ts';
import { countHit } from '../modules/rate-limits/index.ts';

/**
 * A `store` for @fastify/rate-limit counted in the database (issue #17): each route's limit is its own
 * (the plugin asks a `child` per route), and every instance behind the load balancer counts in the same
 * window rows.
 */
export function sharedFastifyStore(db: Db): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    constructor(private readonly limit = 'global') {}
    incr(
      key: string,
      cb: (err: Error | null, res?: { current: number; ttl: number }) => void,
      window: number,
    ) {
      countHit(db, this.limit, key, window).then(
        (res) => cb(null, res),
        (err: Error) => cb(err),
      );
    }
    // The plugin passes the route's merged limit options, the route itself under `routeInfo`.
    child(params: object) {
      const r = (params as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new SharedRateLimitStore(`route:${String(r.method)}:${r.url ?? ''}`);
    }
  }
  return SharedRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
