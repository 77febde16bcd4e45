import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

// Shared rate-limit windows (migration 0017): instance-wide, keyed by limit name and client (an address or
// an account), never by organisation data.

/**
 * Counts one hit in a fixed window and returns the window's total, atomically on both engines (an upsert
 * that increments), so every instance sees the same count.
 */
export async function hitRateLimit(db: Db, bucket: string, expiresAt: number): Promise<number> {
  const row = await db
    .insertInto('rate_limit_hit')
    .values({ bucket, hits: 1, expires_at: expiresAt })
    .onConflict((oc) => oc.column('bucket').doUpdateSet({ hits: sql`rate_limit_hit.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

export async function resetRateLimit(db: Db, bucket: string) {
  await db.deleteFrom('rate_limit_hit').where('bucket', '=', bucket).execute();
}

export async function deleteStaleRateLimitHits(db: Db, nowMs: number): Promise<number> {
  const r = await db.deleteFrom('rate_limit_hit').where('expires_at', '<', nowMs).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}
