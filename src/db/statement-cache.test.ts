import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache.ts';

interface T {
  t: { n: number };
}

describe('prepared statements kept for SQLite', () => {
  let raw: SQLite.Database;
  afterEach(() => raw?.open && raw.close());
  const open = (size?: number) => {
    raw = new SQLite(':memory:');
    raw.exec('create table t (n integer)');
    raw.exec('insert into t values (1), (2), (3)');
    const prepared: string[] = [];
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((s: string) => {
      prepared.push(s);
      return prepare(s);
    }) as typeof raw.prepare;
    const db = new Kysely<T>({ dialect: new SqliteDialect({ database: cachingStatements(raw, size) }) });
    return { db, prepared };
  };

  it('prepares a statement once and binds each run to its own parameters', async () => {
    const { db, prepared } = open();
    const above = (n: number) => db.selectFrom('t').select('n').where('n', '>', n).orderBy('n').execute();
    expect((await above(0)).map((r) => r.n)).toEqual([1, 2, 3]);
    expect((await above(2)).map((r) => r.n)).toEqual([3]);
    expect(prepared).toHaveLength(1);
    await db.insertInto('t').values({ n: 4 }).execute();
    await db.insertInto('t').values({ n: 5 }).execute();
    expect((await above(3)).map((r) => r.n)).toEqual([4, 5]);
    expect(prepared).toHaveLength(2);
  });

  it('keeps at most its size, dropping the least recently used', async () => {
    const { db, prepared } = open(2);
    const q = (n: number) => sql`select ${sql.lit(n)} as n`.execute(db);
    await q(1);
    await q(2);
    await q(1);
    await q(3); // evicts 2, the least recently used
    await q(1);
    await q(2);
    expect(prepared.map((s) => s.replace(/\D/g, ''))).toEqual(['1', '2', '3', '2']);
  });
});
