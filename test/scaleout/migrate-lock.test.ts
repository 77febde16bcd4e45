import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { MIGRATION_LOCK_KEY, migrateToLatest, migrations } from '../../src/db/migrate.ts';
import { createRuntime } from '../../src/runtime.ts';
import { cli } from '../support/cli.ts';
import { freshDatabase, hasKind } from '../support/harness.ts';

const all = Object.keys(migrations).sort();

async function appliedRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ name: string }>('select name from kysely_migration order by name');
  await client.end();
  return rows.map((r) => r.name);
}

describe.runIf(hasKind('postgres'))('migrations under an advisory lock (PostgreSQL)', () => {
  // Migrates a fresh PostgreSQL database.
  it('three handles migrating one fresh database together apply each migration exactly once', async () => {
    const db = await freshDatabase('postgres');
    const handles = [1, 2, 3].map(() => openDatabase(db));
    try {
      const results = await Promise.all(handles.map((h) => migrateToLatest(h.db)));
      // Every migration was applied by exactly one of the three; the others found nothing to do.
      expect(results.flat().sort()).toEqual(all);
      expect(results.filter((r) => r.length > 0)).toHaveLength(1);
      expect(await appliedRows(db.databaseUrl!)).toEqual(all);
      // The lock is released afterwards: a fresh session takes it without waiting.
      const client = new pg.Client({ connectionString: db.databaseUrl! });
      await client.connect();
      const { rows } = await client.query<{ got: boolean }>(
        'select pg_try_advisory_lock($1::bigint) as got',
        [MIGRATION_LOCK_KEY.toString()],
      );
      await client.end();
      expect(rows[0]?.got).toBe(true);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  }, 60_000);

  // Migrates a fresh PostgreSQL database.
  it('three runtimes starting together all come up on one migrated schema', async () => {
    const db = await freshDatabase('postgres');
    const config = loadConfig({ LOG_LEVEL: 'silent', CLOSELOOP_SECRET: 'x'.repeat(40) }, db);
    const rts = await Promise.all(
      [1, 2, 3].map(() => createRuntime(config, { migrate: true, logger: pino({ level: 'silent' }) })),
    );
    try {
      expect(await appliedRows(db.databaseUrl!)).toEqual(all);
      for (const rt of rts) expect(rt.migration.pending).toBe(0);
    } finally {
      await Promise.all(rts.map((rt) => rt.close()));
    }
  }, 60_000);

  // Starts three CLI processes.
  it('three `closeloop migrate` processes started together: one applies, two find it up to date', async () => {
    const db = await freshDatabase('postgres');
    const runs = await Promise.all(
      [1, 2, 3].map(() =>
        cli(['migrate'], { DATABASE_URL: db.databaseUrl!, CLOSELOOP_DATA_DIR: db.dataDir }),
      ),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(runs.filter((r) => r.stdout.startsWith('applied'))).toHaveLength(1);
    expect(runs.filter((r) => r.stdout.startsWith('up to date'))).toHaveLength(2);
    expect(await appliedRows(db.databaseUrl!)).toEqual(all);
  }, 90_000);
});

describe('migrations on SQLite (no lock needed, behaviour unchanged)', () => {
  // Migrates a fresh SQLite file.
  it('applies everything once, then nothing', async () => {
    const db = await freshDatabase('sqlite');
    const h = openDatabase(db);
    try {
      expect((await migrateToLatest(h.db)).sort()).toEqual(all);
      expect(await migrateToLatest(h.db)).toEqual([]);
    } finally {
      await h.close();
    }
  }, 30_000);
});
