import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, makeContext } from '../../src/modules/context.ts';
import { updateSettings } from '../../src/modules/organisations/organisations.service.ts';
import { cli } from '../support/cli.ts';
import { type Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

/** Runs `closeloop audit-log verify` as a separate process against the test database. */
async function verifyCli(t: TestApp) {
  const args = ['audit-log', 'verify', '--org', 'acme', '--data-dir', t.rt.config.dataDir];
  if (t.rt.config.databaseUrl) args.push('--database-url', t.rt.config.databaseUrl);
  const r = await cli(args);
  return { code: r.code, out: `${r.stdout}${r.stderr}`.trim() };
}

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`audit trail on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    beforeEach(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t);
      for (const name of ['Acme One', 'Acme Two', 'Acme Three']) {
        await admin.put('/api/v1/orgs/acme/settings', {
          name,
          timezone: 'Europe/Paris',
          holidays: ['2026-12-25'],
        });
      }
    });
    afterEach(async () => t?.close());
    const db = () => t.rt.database.db;

    it('verifies an intact chain from the CLI and the API', async () => {
      const total = (await admin.get('/api/v1/orgs/acme/audit-log')).json().total;
      expect(total).toBe(6); // create, member.add, sign-in, three updates
      expect(await verifyCli(t)).toEqual({ code: 0, out: `ok ${total} entries` });
      expect((await admin.get('/api/v1/orgs/acme/audit-log/verify')).json()).toEqual({
        ok: true,
        entries: total,
        firstBroken: null,
      });
    });

    it('names the first altered entry', async () => {
      await db()
        .updateTable('audit_entry')
        .set({ data_json: '{"name":"Forged"}' })
        .where('seq', '=', 4)
        .execute();
      const r = await verifyCli(t);
      expect(r.code).toBe(1);
      expect(r.out).toBe('broken at entry 4: content does not match its hash');
    });

    it('names a deleted entry, in the middle and at the end', async () => {
      await db().deleteFrom('audit_entry').where('seq', '=', 3).execute();
      expect(await verifyCli(t)).toMatchObject({
        code: 1,
        out: 'broken at entry 4: entry 3 is missing (found 4 next)',
      });
      await db().deleteFrom('audit_entry').where('seq', '>=', 4).execute();
      await db().updateTable('audit_head').set({ seq: 6 }).execute();
      expect((await verifyCli(t)).out).toMatch(/^broken at entry 3: entries after 2 are missing/);
    });

    it('catches reordered entries', async () => {
      await db().updateTable('audit_entry').set({ seq: 1000 }).where('seq', '=', 4).execute();
      await db().updateTable('audit_entry').set({ seq: 4 }).where('seq', '=', 5).execute();
      await db().updateTable('audit_entry').set({ seq: 5 }).where('seq', '=', 1000).execute();
      const r = await verifyCli(t);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/^broken at entry 4:/);
    });

    it('filters the trail by action, entity type, actor and time', async () => {
      const upd = (
        await admin.get('/api/v1/orgs/acme/audit-log?action=organisation.update&pageSize=2')
      ).json();
      expect(upd.total).toBe(3);
      expect(upd.items).toHaveLength(2);
      expect(upd.items[0].data.after.name).toBe('Acme Three');
      expect((await admin.get('/api/v1/orgs/acme/audit-log?entityType=membership')).json().total).toBe(1);
      expect((await admin.get('/api/v1/orgs/acme/audit-log?actor=nobody@x.test')).json().total).toBe(0);
      expect((await admin.get('/api/v1/orgs/acme/audit-log?from=2999-01-01T00:00:00Z')).json().total).toBe(0);
    });

    it('rolls the change back when the audit write fails', async () => {
      const org = await db().selectFrom('organisation').selectAll().executeTakeFirstOrThrow();
      const ctx = makeContext(
        { kind: 'system', label: 'test' },
        { id: org.id, slug: org.slug, name: org.name },
        { db: db(), kind: t.rt.database.kind, env: t.rt.env },
      );
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
      expect((await db().selectFrom('organisation').select('name').executeTakeFirstOrThrow()).name).toBe(
        'Acme Three',
      );
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
      expect((await verifyCli(t)).code).toBe(0);
    });
  });
}
