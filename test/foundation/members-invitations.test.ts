import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  Client,
  hasKind,
  kinds,
  lastInvitationToken,
  PASSWORD,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`members and invitations on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t);
    });
    afterAll(async () => t?.close());

    it('accepts an invitation link once, then answers 404', async () => {
      await admin.post('/api/v1/orgs/acme/invitations', { email: 'Kim@Acme.test', role: 'action_owner' });
      const token = await lastInvitationToken(t, 'kim@acme.test');
      const stored = await t.rt.database.db.selectFrom('invitation').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(token);
      const preview = await new Client(t.app).post('/api/v1/invitations/preview', { token });
      expect(preview.json()).toMatchObject({
        organisationName: 'acme Ltd',
        email: 'kim@acme.test',
        role: 'action_owner',
        accountExists: false,
      });
      const kim = new Client(t.app);
      const missing = await kim.post('/api/v1/invitations/accept', { token });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual([
        'body/name',
        'body/password',
      ]);
      const ok = await kim.post('/api/v1/invitations/accept', { token, name: 'Kim', password: PASSWORD });
      expect(ok.json()).toEqual({ organisation: { slug: 'acme', name: 'acme Ltd' }, role: 'action_owner' });
      expect(
        (await new Client(t.app).post('/api/v1/invitations/accept', { token, name: 'X', password: PASSWORD }))
          .statusCode,
      ).toBe(404);
      await kim.signIn('kim@acme.test', PASSWORD);
      expect((await kim.get('/api/v1/me')).json().organisations[0]).toMatchObject({
        slug: 'acme',
        role: 'action_owner',
      });
    });

    it('refuses revoked and expired invitations', async () => {
      const inv = (
        await admin.post('/api/v1/orgs/acme/invitations', { email: 'rev@acme.test', role: 'viewer' })
      ).json();
      const token = await lastInvitationToken(t, 'rev@acme.test');
      expect((await admin.delete(`/api/v1/orgs/acme/invitations/${inv.id}`)).statusCode).toBe(204);
      expect((await new Client(t.app).post('/api/v1/invitations/preview', { token })).statusCode).toBe(404);
      await admin.post('/api/v1/orgs/acme/invitations', {
        email: 'old@acme.test',
        role: 'viewer',
        expiresInDays: 1,
      });
      const oldToken = await lastInvitationToken(t, 'old@acme.test');
      await t.rt.database.db
        .updateTable('invitation')
        .set({ expires_at: '2000-01-01T00:00:00.000Z' })
        .where('email', '=', 'old@acme.test')
        .execute();
      expect(
        (
          await new Client(t.app).post('/api/v1/invitations/accept', {
            token: oldToken,
            name: 'O',
            password: PASSWORD,
          })
        ).statusCode,
      ).toBe(404);
      const list = (await admin.get('/api/v1/orgs/acme/invitations')).json().items;
      expect(list.find((i: { email: string }) => i.email === 'rev@acme.test').status).toBe('revoked');
      expect(list.find((i: { email: string }) => i.email === 'old@acme.test').status).toBe('expired');
    });

    it('lets an existing account accept only while signed in as the invited address', async () => {
      await admin.post('/api/v1/organisations', { name: 'Other', slug: 'other' });
      await admin.post('/api/v1/orgs/other/invitations', { email: 'kim@acme.test', role: 'viewer' });
      const token = await lastInvitationToken(t, 'kim@acme.test');
      expect((await new Client(t.app).post('/api/v1/invitations/accept', { token })).json().code).toBe(
        'unauthenticated',
      );
      const kim = new Client(t.app);
      await kim.signIn('kim@acme.test', PASSWORD);
      expect((await kim.post('/api/v1/invitations/accept', { token })).statusCode).toBe(200);
      expect(
        (await kim.get('/api/v1/me'))
          .json()
          .organisations.map((o: { slug: string }) => o.slug)
          .sort(),
      ).toEqual(['acme', 'other']);
    });

    it('only an administrator may invite an administrator', async () => {
      const manager = await addMember(t, admin, 'acme', 'ima@acme.test', 'isms_manager');
      const res = await manager.post('/api/v1/orgs/acme/invitations', {
        email: 'boss@acme.test',
        role: 'admin',
      });
      expect(res.statusCode).toBe(403);
      expect(
        (await manager.post('/api/v1/orgs/acme/invitations', { email: 'ok@acme.test', role: 'viewer' }))
          .statusCode,
      ).toBe(201);
    });

    // The rules (last administrator, audit entries, other organisations) are in members.use-cases.test.ts;
    // here the edge: paging, validation as problem+json, and the happy path through the API.
    it('pages members, refuses an unknown role with its field path, and changes and removes one', async () => {
      await addMember(t, admin, 'acme', 'lee@acme.test', 'action_owner');
      const members = (await admin.get('/api/v1/orgs/acme/members?pageSize=2')).json();
      expect(members.items).toHaveLength(2);
      expect(members.total).toBeGreaterThanOrEqual(2);
      const all = (await admin.get('/api/v1/orgs/acme/members?pageSize=100')).json().items as {
        id: string;
        email: string;
      }[];
      const me = all.find((m) => m.email === 'admin@acme.test')!;
      const demote = await admin.patch(`/api/v1/orgs/acme/members/${me.id}`, { role: 'viewer' });
      expect(demote.statusCode).toBe(409);
      expect(demote.json().code).toBe('invalid_state');
      const lee = all.find((m) => m.email === 'lee@acme.test')!;
      expect(
        (await admin.patch(`/api/v1/orgs/acme/members/${lee.id}`, { role: 'internal_auditor' })).json().role,
      ).toBe('internal_auditor');
      const bad = await admin.patch(`/api/v1/orgs/acme/members/${lee.id}`, { role: 'superuser' });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.json().errors[0].path).toBe('body/role');
      expect((await admin.delete(`/api/v1/orgs/acme/members/${lee.id}`)).statusCode).toBe(204);
    });
  });
}
