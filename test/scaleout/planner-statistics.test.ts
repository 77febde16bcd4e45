import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAuditsRows, seedFindingsRows } from '../../bench/http/seed.ts';
import { runJobNow } from '../../src/modules/jobs/index.ts';
import { hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

// Issue #16: SQLite keeps no planner statistics until asked, and without them it read a finding's earlier
// verified findings (the repeat warning) by scanning the organisation's whole requirement index: 25 ms for
// one finding of the 100,000-finding organisation, 0.1 ms once analysed. The `database-statistics` job
// (at start and hourly) refreshes them on both engines.

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`planner statistics on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind);
      await setupAdmin(t, 'acme', 'admin@acme.test');
      const org = await t.rt.database.db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'acme')
        .executeTakeFirstOrThrow();
      await seedFindingsRows(t.rt, org.id, await seedAuditsRows(t.rt, org.id, 4), 2000);
    });
    afterAll(async () => t?.close());

    it('the database-statistics job analyses the findings tables', async () => {
      const db = t.rt.database.db;
      const analysed = async () =>
        kind === 'sqlite'
          ? Number(
              (
                await sql<{
                  n: number;
                }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db)
              ).rows[0]!.n,
            ) > 0 &&
            Number(
              (
                await sql<{ n: number }>`select count(*) as n from sqlite_stat1
                  where tbl in ('finding', 'finding_requirement', 'finding_area')`.execute(db)
              ).rows[0]!.n,
            ) >= 3
          : (
              await sql<{ at: Date | null }>`select last_analyze as at from pg_stat_user_tables
                where relname = 'finding_requirement'`.execute(db)
            ).rows[0]?.at != null;
      const deps = { db, kind: t.rt.database.kind, env: t.rt.env, log: t.rt.log, now: () => new Date() };
      expect(await analysed()).toBe(false); // nothing analysed them yet
      expect(await runJobNow('database-statistics', deps)).toEqual({ engine: kind });
      expect(await analysed()).toBe(true);
    });
  });
}
