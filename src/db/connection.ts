import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, type LogEvent, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { refuseEmptyUpdates } from './empty-update.ts';
import type { Database } from './schema.ts';
import { cachingStatements } from './statement-cache.ts';

// pg loads only when a PostgreSQL URL is configured: an SQLite instance never needs it (start, RSS: #16).
const lazyRequire = createRequire(import.meta.url);
const loadPg = () => lazyRequire('pg') as typeof import('pg');

export type DatabaseKind = 'sqlite' | 'postgres';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives, for `GET /api/health` and log lines; never includes a password. */
  location: string;
  close(): Promise<void>;
}

type QueryObserver = (sql: string) => void;
const observers = new Set<QueryObserver>();

/**
 * Calls `fn` with every SQL statement any database of this process executes, until the returned function
 * is called: the tests count the statements a request issues (issue #16). No observer, no cost.
 */
export function observeQueries(fn: QueryObserver): () => void {
  observers.add(fn);
  return () => observers.delete(fn);
}

const log = (event: LogEvent) => {
  for (const o of observers) o(event.query.sql);
};

export function openDatabase(options: { dataDir: string; databaseUrl?: string | undefined }): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openSqlite(path.join(options.dataDir, 'closeloop.db'));
}

/**
 * SQLite transactions begin IMMEDIATE: the write lock is taken at `begin`, waiting up to busy_timeout for
 * it. A deferred `begin` reads first and upgrades later; when another process (`closeloop demo` or the CLI
 * beside the running server) committed in between, the upgrade fails at once with SQLITE_BUSY_SNAPSHOT,
 * which no timeout retries (seen by the e2e suite loading the demo next to the server).
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver() {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

export function openSqlite(file: string): DatabaseHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers proceed while one writer commits; NORMAL sync is durable at checkpoint in WAL mode.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A 64 MiB page cache (SQLite's default is 2 MiB): an organisation of 100,000 findings is a 240 MB file
  // whose indexes a write touches all over; seeding it took 11.7 s with the default, 10.4 s with this.
  // Pages are cached only as they are read, so a small database costs no more memory.
  sqlite.pragma('cache_size = -65536');
  // Sorts and temporary indexes of big reads in memory, not in a temporary file.
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: cachingStatements(sqlite) }),
    plugins: [refuseEmptyUpdates],
    log,
  });
  return {
    db,
    kind: 'sqlite',
    location: file,
    async close() {
      await db.destroy();
    },
  };
}

export function openPostgres(url: string): DatabaseHandle {
  const pool = new (loadPg().Pool)({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [refuseEmptyUpdates],
    log,
  });
  const safe = new URL(url);
  safe.password = '';
  return {
    db,
    kind: 'postgres',
    location: `${safe.host}${safe.pathname}`,
    async close() {
      await db.destroy();
    },
  };
}

/** One round trip to the database, bounded by `timeoutMs`: false when it is unreachable or too slow. */
export async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
