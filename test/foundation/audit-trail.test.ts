import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/modules/context.ts';
import { updateSettings } from '../../src/modules/organisations/organisations.service.ts';
import { cli } from '../support/cli.ts';
import {
  Client,
  hasKind,
  kinds,
  PASSWORD,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';
import { makeContext } from '../support/use-cases.ts';

/** Runs `closeloop audit-log verify` (in-process; cli-smoke.test.ts runs it as a process). */
async function verifyCli(t: TestApp, slug: string) {
  const args = ['audit-log', 'verify', '--org', slug, '--data-dir', t.rt.config.dataDir];
  if (t.rt.config.databaseUrl) args.push('--database-url', t.rt.config.databaseUrl);
  const r = await cli(args);
  return { code: r.code, out: `${r.stdout}${r.stderr}`.trim() };
}

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`audit trail on ${kind}`, () => {
    // One server for the file; each test tampers with the chain of an organisation of its own.
    let t: TestApp;
    let admin: Client;
    let n = 0;
    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'setup', 'admin@acme.test');
    });
    afterAll(async () => t?.close());
    const db = () => t.rt.database.db;

    /** A new organisation whose chain is: create, member.add, sign-in, three setting updates (seq 1–6). */
    async function organisationWithTrail() {
      const slug = `acme-${++n}`;
      expect((await admin.post('/api/v1/organisations', { name: 'Acme', slug })).statusCode).toBe(201);
      const c = new Client(t.app);
      await c.signIn('admin@acme.test', PASSWORD);
      for (const name of ['Acme One', 'Acme Two', 'Acme Three']) {
        const res = await c.put(`/api/v1/orgs/${slug}/settings`, {
          name,
          timezone: 'Europe/Paris',
          holidays: ['2026-12-25'],
        });
        expect(res.statusCode).toBe(200);
      }
      const org = await db()
        .selectFrom('organisation')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow();
      const entries = () => db().selectFrom('audit_entry').where('organisation_id', '=', org.id);
      return { slug, c, org, entries };
    }
    const seqOf = (org: { id: string }, seq: number) =>
      db().updateTable('audit_entry').where('organisation_id', '=', org.id).where('seq', '=', seq);

    it('verifies an intact chain from the CLI and the API', async () => {
      const { slug, c } = await organisationWithTrail();
      const total = (await c.get(`/api/v1/orgs/${slug}/audit-log`)).json().total;
      expect(total).toBe(6); // create, member.add, sign-in, three updates
      expect(await verifyCli(t, slug)).toEqual({ code: 0, out: `ok ${total} entries` });
      expect((await c.get(`/api/v1/orgs/${slug}/audit-log/verify`)).json()).toEqual({
        ok: true,
        entries: total,
        firstBroken: null,
      });
    });

    it('names the first altered entry', async () => {
      const { slug, org } = await organisationWithTrail();
      await seqOf(org, 4).set({ data_json: '{"name":"Forged"}' }).execute();
      const r = await verifyCli(t, slug);
      expect(r.code).toBe(1);
      expect(r.out).toBe('broken at entry 4: content does not match its hash');
    });

    it('names a deleted entry, in the middle and at the end', async () => {
      const { slug, org } = await organisationWithTrail();
      const del = () => db().deleteFrom('audit_entry').where('organisation_id', '=', org.id);
      await del().where('seq', '=', 3).execute();
      expect(await verifyCli(t, slug)).toMatchObject({
        code: 1,
        out: 'broken at entry 4: entry 3 is missing (found 4 next)',
      });
      await del().where('seq', '>=', 4).execute();
      await db().updateTable('audit_head').set({ seq: 6 }).where('organisation_id', '=', org.id).execute();
      expect((await verifyCli(t, slug)).out).toMatch(/^broken at entry 3: entries after 2 are missing/);
    });

    it('catches reordered entries', async () => {
      const { slug, org } = await organisationWithTrail();
      await seqOf(org, 4).set({ seq: 1000 }).execute();
      await seqOf(org, 5).set({ seq: 4 }).execute();
      await seqOf(org, 1000).set({ seq: 5 }).execute();
      const r = await verifyCli(t, slug);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/^broken at entry 4:/);
    });

    it('filters the trail by action, entity type, actor and time', async () => {
      const { slug, c } = await organisationWithTrail();
      const log = `/api/v1/orgs/${slug}/audit-log`;
      const upd = (await c.get(`${log}?action=organisation.update&pageSize=2`)).json();
      expect(upd.total).toBe(3);
      expect(upd.items).toHaveLength(2);
      expect(upd.items[0].data.after.name).toBe('Acme Three');
      expect((await c.get(`${log}?entityType=membership`)).json().total).toBe(1);
      expect((await c.get(`${log}?actor=nobody@x.test`)).json().total).toBe(0);
      expect((await c.get(`${log}?actor=admin@acme.test`)).json().total).toBe(6);
      expect((await c.get(`${log}?from=2999-01-01T00:00:00Z`)).json().total).toBe(0);
    });

    it('rolls the change back when the audit write fails', async () => {
      const { slug, org } = await organisationWithTrail();
      const person = await db()
        .selectFrom('user')
        .select(['id', 'email'])
        .where('email', '=', 'admin@acme.test')
        .executeTakeFirstOrThrow();
      const ctx = makeContext(t, org, { role: 'admin', person });
      await expect(
        inTransaction(ctx, async (tx) => {
          await tx.db
            .updateTable('organisation')
            .set({ name: 'Half done' })
            .where('id', '=', org.id)
            .execute();
          await tx.audit({
            action: 'organisation.update',
            entityType: 'organisation',
            data: { bad: Number.NaN },
          });
        }),
      ).rejects.toThrow(/NaN/);
      const name = await db()
        .selectFrom('organisation')
        .select('name')
        .where('id', '=', org.id)
        .executeTakeFirstOrThrow();
      expect(name.name).toBe('Acme Three');
      await updateSettings(
        {
          name: 'After',
          timezone: 'UTC',
          holidays: [],
          systemicMinorThreshold: 2,
          reminderDaysBefore: [7, 1],
          digestHourUtc: 7,
        },
        ctx,
      );
      expect(await verifyCli(t, slug)).toEqual({ code: 0, out: 'ok 7 entries' });
    });
  });
}
