import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgres, openSqlite } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/** The PostgreSQL database every migrated test database is copied from (CREATE DATABASE … TEMPLATE). */
export const POSTGRES_TEMPLATE = 'closeloop_migrated';

/**
 * Migrates one database per engine once per run, so each test's database starts as a copy of it instead of
 * running every migration again (about a second on PostgreSQL, a third of one on SQLite, per test app).
 * The migrations themselves still run from empty on both engines: here, and in the migration tests, which
 * keep asking `freshDatabase` for an empty database.
 */
export async function buildTemplates(
  postgresUrl: string | null,
): Promise<{ sqlite: string; postgres: string | null }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-template-'));
  const file = path.join(dir, 'closeloop.db');
  const sqlite = openSqlite(file);
  await migrateToLatest(sqlite.db);
  await sqlite.close();
  // Closing the last connection checkpoints the WAL into the file; a leftover WAL would mean a partial copy.
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) {
    throw new Error(`template ${file}: the write-ahead log was not checkpointed`);
  }
  if (!postgresUrl) return { sqlite: file, postgres: null };
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${POSTGRES_TEMPLATE}`);
  await admin.query(`create database ${POSTGRES_TEMPLATE}`);
  await admin.end();
  const template = openPostgres(postgresUrl.replace(/\/postgres$/, `/${POSTGRES_TEMPLATE}`));
  await migrateToLatest(template.db);
  // No session may stay connected to a template while databases are created from it.
  await template.close();
  return { sqlite: file, postgres: POSTGRES_TEMPLATE };
}
