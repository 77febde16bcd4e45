import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../src/modules/context.ts';
import { listJobs, runJobNow } from '../../src/modules/jobs/index.ts';
import { markChanged, refreshChangedPostures } from '../../src/modules/posture/posture.history.ts';
import { type Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

// Issue #16: a committed change only marks its organisation; the `posture-refresh` job records the trend
// point off the request path, at most once a minute per organisation; a visitor marks nothing; a failure
// is logged and the other organisations go on.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`posture refresh off the request path on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    const errors: { obj: object; msg: string }[] = [];
    const refresh = () =>
      refreshChangedPostures({
        db: t.rt.database.db,
        kind: t.rt.database.kind,
        env: t.rt.env,
        now: () => new Date(),
        log: { error: (obj: object, msg: string) => errors.push({ obj, msg }) },
      });
    /** As if every mark and refresh so far had happened `seconds` earlier. */
    const ageRuns = async (seconds: number) => {
      const db = t.rt.database.db;
      const earlier = (iso: string) => new Date(Date.parse(iso) - seconds * 1000).toISOString();
      for (const r of await db.selectFrom('derived_dirty').selectAll().execute())
        await db
          .updateTable('derived_dirty')
          .set({ marked_at: earlier(r.marked_at), ran_at: r.ran_at && earlier(r.ran_at) })
          .where('organisation_id', '=', r.organisation_id)
          .execute();
    };
    const snapshots = async (org = 'acme') =>
      (
        await t.rt.database.db
          .selectFrom('posture_snapshot')
          .innerJoin('organisation', 'organisation.id', 'posture_snapshot.organisation_id')
          .select('posture_snapshot.id')
          .where('organisation.slug', '=', org)
          .execute()
      ).length;
    const finding = (ref: string) =>
      admin.post('/api/v1/orgs/acme/audits/S2/findings', {
        ref,
        grade: 'major',
        requirements: ['A.8.8'],
        statement: ref,
      });

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'admin@acme.test');
      await admin.post('/api/v1/orgs/acme/audits', {
        ref: 'S2',
        type: 'stage2',
        certificationBody: 'CB',
        reportReceivedOn: day(-5),
        policyKey: 'fast-14-30-60',
      });
      await refresh();
    }, 60_000);
    afterAll(async () => t?.close());

    it('records nothing in the request; the job records the change that moved the figures', async () => {
      const before = await snapshots();
      expect((await finding('NC-1')).statusCode).toBe(201);
      expect(await snapshots()).toBe(before);
      await ageRuns(61);
      expect(await refresh()).toEqual({ refreshed: 1, recorded: 1 });
      expect(await snapshots()).toBe(before + 1);
    });

    it('coalesces the changes of a minute into one refresh', async () => {
      expect((await finding('NC-2')).statusCode).toBe(201);
      expect((await finding('NC-3')).statusCode).toBe(201);
      // The last refresh ran moments ago: too soon; a minute later both changes make one point.
      expect(await refresh()).toEqual({ refreshed: 0, recorded: 0 });
      await ageRuns(61);
      expect(await refresh()).toEqual({ refreshed: 1, recorded: 1 });
      await ageRuns(61);
      expect(await refresh()).toEqual({ refreshed: 0, recorded: 0 });
    });

    it('runs as the posture-refresh job of the job catalogue (one job system, #17)', async () => {
      expect(listJobs().map((j) => j.name)).toContain('posture-refresh');
      expect((await finding('NC-J')).statusCode).toBe(201);
      await ageRuns(61);
      const deps = {
        db: t.rt.database.db,
        kind: t.rt.database.kind,
        env: t.rt.env,
        log: t.rt.log,
        now: () => new Date(),
      };
      expect(await runJobNow('posture-refresh', deps)).toEqual({ refreshed: 1, recorded: 1 });
    });

    it("marks nothing for a public visitor's action or a calendar feed", async () => {
      const org = await t.rt.database.db
        .selectFrom('organisation')
        .select(['id', 'slug', 'name'])
        .where('slug', '=', 'acme')
        .executeTakeFirstOrThrow();
      const deps = { db: t.rt.database.db, kind: t.rt.database.kind, env: t.rt.env };
      await markChanged(makeContext({ kind: 'visitor' }, org, deps));
      await markChanged(makeContext({ kind: 'feed', userId: null }, org, deps));
      await ageRuns(61);
      expect(await refresh()).toEqual({ refreshed: 0, recorded: 0 });
      await markChanged(makeContext({ kind: 'system' }, org, deps));
      expect((await refresh()).refreshed).toBe(1);
    });

    it('logs a failure with the organisation and goes on', async () => {
      expect((await finding('NC-4')).statusCode).toBe(201);
      await t.rt.database.db
        .updateTable('finding')
        .set({ requirements_json: 'not json' })
        .where('ref', '=', 'NC-4')
        .execute();
      await ageRuns(61);
      expect(await refresh()).toEqual({ refreshed: 1, recorded: 0 });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        obj: { organisation: 'acme' },
        msg: 'posture snapshot not recorded',
      });
    });
  });
}
