import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFailedJobs, runJobNow } from '../../src/modules/jobs/index.ts';
import {
  addMember,
  Client,
  hasKind,
  kinds,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';

// Issue #17: dead letters in the browser. A job made to fail for real (one organisation's stored settings
// unreadable; the instance's clean-up table gone) is shown to whom it belongs — the organisation's admins,
// or the instance operators named in CLOSELOOP_OPERATORS — with its error summarised without secrets,
// retried (failing again, then succeeding), and the organisation's retries are on its audit trail.

// The unreadable settings carry a credential: JSON.parse quotes the text it failed on in its message.
const BROKEN_SETTINGS = '{"smtpPassword": hunter2hunter2hunter2}';

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`dead letters on ${kind}`, () => {
    let t: TestApp;
    let alice: Client; // admin of acme
    let bob: Client; // admin of beta only
    let manager: Client; // ISMS manager of acme
    let ops: Client; // a viewer of acme who is an instance operator
    const deps = () => ({
      db: t.rt.database.db,
      kind: t.rt.database.kind,
      env: t.rt.env,
      log: t.rt.log,
      now: () => new Date(),
    });
    const setSettings = (slug: string, json: string) =>
      t.rt.database.db
        .updateTable('organisation')
        .set({ settings_json: json })
        .where('slug', '=', slug)
        .execute();
    const acmeFailed = () => alice.get('/api/v1/orgs/acme/jobs/failed');

    beforeAll(async () => {
      t = await startTestApp(kind, { CLOSELOOP_OPERATORS: ' Ops@Acme.test ,other@elsewhere.test' });
      alice = await setupAdmin(t, 'acme', 'alice@acme.test');
      expect((await alice.post('/api/v1/organisations', { name: 'Beta', slug: 'beta' })).statusCode).toBe(
        201,
      );
      bob = await addMember(t, alice, 'beta', 'bob@beta.test', 'admin');
      manager = await addMember(t, alice, 'acme', 'manager@acme.test', 'isms_manager');
      ops = await addMember(t, alice, 'acme', 'ops@acme.test', 'viewer');
    });
    afterAll(async () => t?.close());

    it("records one organisation's failure as its own dead letter; the other organisations' work is done", async () => {
      await setSettings('acme', BROKEN_SETTINGS);
      await expect(runJobNow('notifications-due', deps())).rejects.toThrow(
        /notifications-due failed for 1 organisation: acme: /,
      );
      const res = await acmeFailed();
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ page: 1, total: 1 });
      expect(body.items).toEqual([
        {
          id: expect.any(String),
          job: 'notifications-due',
          summary: 'deadline reminders, overdue notices and daily digests',
          error: expect.stringMatching(/JSON/),
          attempts: 1,
          failedAt: expect.any(String),
        },
      ]);
      // The page hides the credential the message quoted; the operator's CLI keeps the whole message.
      expect(body.items[0].error).toContain('[hidden]');
      expect(res.body).not.toContain('hunter2');
      const stored = await listFailedJobs(t.rt.database.db);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.error).toContain('hunter2');
      expect((await bob.get('/api/v1/orgs/beta/jobs/failed')).json()).toMatchObject({ items: [], total: 0 });
    });

    it("shows an organisation's dead letters to its admins only", async () => {
      const [failure] = (await acmeFailed()).json().items;
      expect((await manager.get('/api/v1/orgs/acme/jobs/failed')).statusCode).toBe(403);
      expect((await manager.post(`/api/v1/orgs/acme/jobs/failed/${failure.id}/retry`)).statusCode).toBe(403);
      expect((await bob.get('/api/v1/orgs/acme/jobs/failed')).statusCode).toBe(404);
      // Another organisation's dead letter is not found from one's own organisation either.
      expect((await bob.post(`/api/v1/orgs/beta/jobs/failed/${failure.id}/retry`)).statusCode).toBe(404);
      // The instance operator sees the instance's jobs, not the organisations'.
      expect((await ops.get('/api/v1/instance/jobs/failed')).json()).toMatchObject({ items: [], total: 0 });
      expect((await ops.post(`/api/v1/instance/jobs/failed/${failure.id}/retry`)).statusCode).toBe(404);
      expect((await acmeFailed()).json().items[0].attempts).toBe(1);
    });

    it('retries: failing again keeps the dead letter with one more attempt; succeeding removes it', async () => {
      const [failure] = (await acmeFailed()).json().items;
      const again = await alice.post(`/api/v1/orgs/acme/jobs/failed/${failure.id}/retry`);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ id: failure.id, outcome: 'failed', error: /JSON/ });
      expect(again.body).not.toContain('hunter2');
      expect((await acmeFailed()).json().items).toMatchObject([{ id: failure.id, attempts: 2 }]);

      await setSettings('acme', '{}');
      const ok = await alice.post(`/api/v1/orgs/acme/jobs/failed/${failure.id}/retry`);
      expect(ok.json()).toEqual({
        id: failure.id,
        job: 'notifications-due',
        outcome: 'succeeded',
        error: null,
      });
      expect((await acmeFailed()).json()).toMatchObject({ items: [], total: 0 });
      expect((await alice.post(`/api/v1/orgs/acme/jobs/failed/${failure.id}/retry`)).statusCode).toBe(404);

      const trail = (await alice.get('/api/v1/orgs/acme/audit-log?action=job.retried')).json().items;
      expect(
        trail.map((e: { actor: string; data: { outcome: string } }) => [e.actor, e.data.outcome]),
      ).toEqual([
        ['alice@acme.test', 'succeeded'],
        ['alice@acme.test', 'failed'],
      ]);
      expect(JSON.stringify(trail)).not.toContain('hunter2');
      expect((await alice.get('/api/v1/orgs/acme/audit-log/verify')).json()).toMatchObject({ ok: true });
    });

    it("shows the instance's own dead letters to the operators named in CLOSELOOP_OPERATORS only", async () => {
      const db = t.rt.database.db;
      await sql`alter table rate_limit_hit rename to rate_limit_hit_away`.execute(db);
      try {
        await expect(runJobNow('expired-records-cleanup', deps())).rejects.toThrow(/rate_limit_hit/);
      } finally {
        await sql`alter table rate_limit_hit_away rename to rate_limit_hit`.execute(db);
      }
      expect((await acmeFailed()).json().items).toEqual([]);
      for (const who of [alice, manager, bob])
        expect((await who.get('/api/v1/instance/jobs/failed')).statusCode).toBe(403);
      expect((await alice.get('/api/v1/me')).json().operator).toBe(false);
      expect((await ops.get('/api/v1/me')).json().operator).toBe(true);

      const listed = (await ops.get('/api/v1/instance/jobs/failed')).json();
      expect(listed.items).toMatchObject([
        { job: 'expired-records-cleanup', attempts: 1, error: expect.stringMatching(/rate_limit_hit/) },
      ]);
      const id = listed.items[0].id;
      expect((await alice.post(`/api/v1/instance/jobs/failed/${id}/retry`)).statusCode).toBe(403);
      expect((await alice.post(`/api/v1/orgs/acme/jobs/failed/${id}/retry`)).statusCode).toBe(404);
      const ok = await ops.post(`/api/v1/instance/jobs/failed/${id}/retry`);
      expect(ok.json()).toMatchObject({ id, outcome: 'succeeded', error: null });
      expect((await ops.get('/api/v1/instance/jobs/failed')).json().items).toEqual([]);
    });

    it('refuses an operator reaching the instance with an API token (it acts inside one organisation)', async () => {
      const token = (await ops.post('/api/v1/orgs/acme/api-tokens', { name: 'ops token' })).json().token;
      const robot = new Client(t.app, token);
      expect((await robot.get('/api/v1/orgs/acme/members')).statusCode).toBe(200);
      expect((await robot.get('/api/v1/instance/jobs/failed')).statusCode).toBe(403);
    });

    it("stops being an operator once the email's domain is routed to an organisation's single sign-on", async () => {
      // Beta's admin could route acme.test to an identity provider beta configures, which may assert any
      // address of that domain: an operator's email in such a domain makes nobody an operator.
      const db = t.rt.database.db;
      const beta = await db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'beta')
        .executeTakeFirstOrThrow();
      const at = new Date().toISOString();
      await db
        .insertInto('sso_connection')
        .values({
          id: 'sso-beta',
          organisation_id: beta.id,
          provider_id: 'oidc-beta',
          protocol: 'oidc',
          domain: 'acme.test',
          jit_role: null,
          sso_required: 0,
          enabled: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      try {
        expect((await ops.get('/api/v1/me')).json().operator).toBe(false);
        expect((await ops.get('/api/v1/instance/jobs/failed')).statusCode).toBe(403);
      } finally {
        await db.deleteFrom('sso_connection').where('id', '=', 'sso-beta').execute();
      }
      expect((await ops.get('/api/v1/instance/jobs/failed')).statusCode).toBe(200);
    });
  });
}

describe.runIf(hasKind('sqlite'))('instance operators by default', () => {
  it('are nobody: without CLOSELOOP_OPERATORS the instance jobs are refused to everyone', async () => {
    const t = await startTestApp('sqlite');
    try {
      const admin = await setupAdmin(t, 'acme', 'ops@acme.test');
      expect((await admin.get('/api/v1/me')).json().operator).toBe(false);
      expect((await admin.get('/api/v1/instance/jobs/failed')).statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });
});
