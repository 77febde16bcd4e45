import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/db/connection.ts';

// Two processes on one SQLite file (the server and `closeloop demo` or the CLI): a transaction that reads
// and then writes must not fail because the other committed in between. With a deferred `begin` it failed
// at once with SQLITE_BUSY_SNAPSHOT (busy_timeout does not retry that); with `begin immediate` the other
// writer waits for the lock instead. The second process is a second connection here, busy_timeout 0 so
// that its wait shows as SQLITE_BUSY rather than blocking this single thread.
describe('SQLite write transactions against a writer in another process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-writers-'));
  const file = path.join(dir, 'closeloop.db');
  const handle = openSqlite(file);
  afterAll(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a read-then-write transaction commits; the other writer is held off until it does', async () => {
    await sql`create table counter (id integer primary key, n integer not null)`.execute(handle.db);
    await sql`insert into counter (id, n) values (1, 0)`.execute(handle.db);
    const other = new SQLite(file);
    other.pragma('busy_timeout = 0');
    let otherWrite: unknown = null;
    await handle.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(trx);
      try {
        other.prepare('update counter set n = n + 100 where id = 1').run();
      } catch (err) {
        otherWrite = (err as { code?: string }).code;
      }
      await sql`update counter set n = ${rows[0]!.n + 1} where id = 1`.execute(trx);
    });
    expect(otherWrite).toBe('SQLITE_BUSY');
    other.prepare('update counter set n = n + 100 where id = 1').run();
    expect(other.prepare('select n from counter where id = 1').get()).toEqual({ n: 101 });
    other.close();
  });
});
