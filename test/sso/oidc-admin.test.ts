import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  Client,
  hasKind,
  kinds,
  ORIGIN,
  PASSWORD,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';

// Issue #20, the admin page's API: an admin lists, adds, edits and removes OpenID Connect connections.
// The client secret is write-only: an edit that leaves it out keeps the stored one; removing a
// connection ends its SSO requirement. Nothing here reaches an IdP (discovery is read at sign-in).
const settings = (domain: string, over: Record<string, unknown> = {}) => ({
  issuer: 'https://login.example.org/',
  clientId: 'closeloop',
  clientSecret: 'first-secret-value',
  domain,
  jitRole: 'viewer',
  ...over,
});

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`OpenID Connect connections managed by an admin on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    const storedSecret = async (providerId: string) =>
      (
        await t.rt.database.db
          .selectFrom('ssoProvider')
          .select('oidcConfig')
          .where('providerId', '=', providerId)
          .executeTakeFirstOrThrow()
      ).oidcConfig;

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t);
    });
    afterAll(async () => t?.close());

    it('adds two connections, one per domain, each with its own redirect URI', async () => {
      const first = await admin.post('/api/v1/orgs/acme/sso/oidc', settings('acme.example'));
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({
        providerId: 'oidc-acme',
        issuer: 'https://login.example.org',
        clientSecretSet: true,
        redirectUri: `${ORIGIN}/api/auth/sso/callback/oidc-acme`,
      });
      const second = await admin.post('/api/v1/orgs/acme/sso/oidc', settings('acme-labs.example'));
      expect(second.statusCode, second.body).toBe(201);
      const id = second.json().providerId as string;
      expect(id).toBe('oidc-acme-acme-labs-example');
      expect(second.json().redirectUri).toBe(`${ORIGIN}/api/auth/sso/callback/${id}`);
      const list = await admin.get('/api/v1/orgs/acme/sso');
      expect(list.json().items.map((c: { domain: string }) => c.domain)).toEqual([
        'acme.example',
        'acme-labs.example',
      ]);
      expect(list.body).not.toContain('first-secret-value');
      // The same domain twice is one connection too many.
      const twice = await admin.post('/api/v1/orgs/acme/sso/oidc', settings('acme.example'));
      expect(twice.statusCode).toBe(409);
      expect(twice.json().errors[0]).toMatchObject({ path: 'body/domain' });
    });

    it('an edit without a client secret keeps the stored one; with one, replaces it', async () => {
      const before = await storedSecret('oidc-acme');
      const edit = await admin.patch('/api/v1/orgs/acme/sso/oidc-acme', {
        clientId: 'closeloop-2',
        jitRole: null,
      });
      expect(edit.statusCode, edit.body).toBe(200);
      expect(edit.json()).toMatchObject({ clientId: 'closeloop-2', jitRole: null, clientSecretSet: true });
      const after = await storedSecret('oidc-acme');
      expect(JSON.parse(after ?? '{}').clientSecret).toBe(JSON.parse(before ?? '{}').clientSecret);
      expect(JSON.parse(after ?? '{}').clientId).toBe('closeloop-2');

      const replaced = await admin.patch('/api/v1/orgs/acme/sso/oidc-acme', { clientSecret: 'second-one' });
      expect(replaced.statusCode).toBe(200);
      expect(replaced.body).not.toContain('second-one');
      expect(await storedSecret('oidc-acme')).not.toBe(after);
      const trail = await admin.get('/api/v1/orgs/acme/audit-log');
      expect(trail.body).not.toContain('second-one');
      expect(trail.body).not.toContain('first-secret-value');
    });

    it('an edit is validated with field paths and an unknown connection answers 404', async () => {
      const bad = await admin.patch('/api/v1/orgs/acme/sso/oidc-acme', { domain: 'not a domain' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toMatch(/domain/);
      expect((await admin.patch('/api/v1/orgs/acme/sso/oidc-nope', { clientId: 'x' })).statusCode).toBe(404);
      expect((await admin.delete('/api/v1/orgs/acme/sso/oidc-nope')).statusCode).toBe(404);
    });

    it('only an admin manages connections', async () => {
      const manager = await addMember(t, admin, 'acme', 'isms@acme.test', 'isms_manager');
      expect((await manager.get('/api/v1/orgs/acme/sso')).statusCode).toBe(403);
      expect((await manager.delete('/api/v1/orgs/acme/sso/oidc-acme')).statusCode).toBe(403);
    });

    it('removing a connection ends its SSO requirement: members sign in with a password again', async () => {
      await addMember(t, admin, 'acme', 'olga@acme.example', 'action_owner');
      expect((await admin.patch('/api/v1/orgs/acme/sso/oidc-acme', { ssoRequired: true })).statusCode).toBe(
        200,
      );
      const refused = await new Client(t.app).post('/api/auth/sign-in/email', {
        email: 'olga@acme.example',
        password: PASSWORD,
      });
      expect(refused.statusCode).toBe(403);

      const removed = await admin.delete('/api/v1/orgs/acme/sso/oidc-acme');
      expect(removed.statusCode, removed.body).toBe(204);
      const list = await admin.get('/api/v1/orgs/acme/sso');
      expect(list.json().items.map((c: { providerId: string }) => c.providerId)).not.toContain('oidc-acme');
      const provider = await t.rt.database.db
        .selectFrom('ssoProvider')
        .select('id')
        .where('providerId', '=', 'oidc-acme')
        .executeTakeFirst();
      expect(provider).toBeUndefined();
      const allowed = await new Client(t.app).post('/api/auth/sign-in/email', {
        email: 'olga@acme.example',
        password: PASSWORD,
      });
      expect(allowed.statusCode, allowed.body).toBe(200);
      expect((await admin.get('/api/v1/orgs/acme/audit-log')).body).toContain('sso.remove');
    });
  });
}
