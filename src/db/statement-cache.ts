import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct statements kept prepared; a page read issues about ten, the whole API a few hundred. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 behind Kysely with its statements kept prepared (issue #16): Kysely's SQLite driver
 * prepares every query anew, and on a page read SQLite's parsing and planning cost more than running the
 * statements. A statement is bound to its parameters on each run, so one prepared statement serves every
 * request issuing the same SQL. better-sqlite3 runs nothing else on a connection while a streamed read
 * iterates, so a kept statement is never found busy; were it so, the SQL gets a fresh one rather than
 * a reset of the running one. SQLite re-prepares a kept statement by itself when a migration changes the
 * schema (sqlite3_prepare_v3).
 */
export function cachingStatements(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      const kept = cache.get(sql);
      if (kept && !kept.busy) {
        // Most recently used last: the first key is the one to evict.
        cache.delete(sql);
        cache.set(sql, kept);
        return kept;
      }
      const stmt = sqlite.prepare(sql);
      if (kept) return stmt;
      cache.set(sql, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}
