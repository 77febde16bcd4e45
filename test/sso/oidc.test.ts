import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  hasKind,
  kinds,
  ORIGIN,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';
import { signInAtIdp, startIdp, type TestIdp } from '../support/oidc-idp.ts';
import { expectDomainClaimRefused, expectPasswordRefusedButBreakGlass } from '../support/sso.ts';

// Issue #20: sign-in through an organisation's OpenID Provider (OIDC Core 1.0, code flow + PKCE).
const DOMAIN = 'acme-corp.test';
const CALLBACK = `${ORIGIN}/api/auth/sso/callback/oidc-acme`;

/** Starts at closeloop's sign-in page with an email, walks the IdP's pages, lands back on closeloop. */
async function ssoSignIn(t: TestApp, login: string, email = `${login}@${DOMAIN}`) {
  const c = new Client(t.app);
  const start = await c.post('/api/auth/sign-in/sso', { email, callbackURL: '/' });
  expect(start.statusCode, start.body).toBe(200);
  const back = await signInAtIdp(start.json().url as string, login);
  expect(back.origin + back.pathname).toBe(CALLBACK);
  const landed = await c.get(back.pathname + back.search);
  return { c, landed };
}

for (const kind of kinds) {
  // Each sign-in walks several pages of a real IdP: bounded to 30 s a test on a shared machine.
  describe.runIf(hasKind(kind))(`OpenID Connect single sign-on on ${kind}`, { timeout: 30_000 }, () => {
    let t: TestApp;
    let idp: TestIdp;
    let admin: Client;
    beforeAll(async () => {
      idp = await startIdp({ redirectUri: CALLBACK, domain: DOMAIN });
      t = await startTestApp(kind, { CLOSELOOP_SSO_ALLOW_ORIGINS: idp.issuer });
      admin = await setupAdmin(t);
    });
    afterAll(async () => {
      await t?.close();
      await idp?.close();
    });

    const configure = (over: Record<string, unknown> = {}) =>
      admin.put('/api/v1/orgs/acme/sso/oidc', {
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        domain: DOMAIN,
        jitRole: 'action_owner',
        ...over,
      });

    it('an admin configures the connection; the client secret never comes back', async () => {
      const res = await configure();
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(idp.clientSecret);
      expect(res.json()).toMatchObject({ clientSecretSet: true, pkce: true, redirectUri: CALLBACK });
      const list = await admin.get('/api/v1/orgs/acme/sso');
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(idp.clientSecret);
      const trail = await admin.get('/api/v1/orgs/acme/audit-log');
      expect(trail.body).toContain('sso.configure');
      expect(trail.body).not.toContain(idp.clientSecret);
    });

    it('the client secret is sealed at rest: the stored row holds no plain text of it', async () => {
      const row = await t.rt.database.db
        .selectFrom('ssoProvider')
        .select('oidcConfig')
        .where('providerId', '=', 'oidc-acme')
        .executeTakeFirstOrThrow();
      expect(row.oidcConfig).not.toContain(idp.clientSecret);
      expect(row.oidcConfig).not.toContain('"clientSecret"');
      expect(JSON.parse(row.oidcConfig ?? '{}').clientSecretSealed).toMatch(/^v1\./);
    });

    it('the plugin’s own provider registration is closed', async () => {
      const res = await admin.post('/api/auth/sso/register', {
        providerId: 'x',
        issuer: idp.issuer,
        domain: 'x.test',
      });
      expect(res.statusCode).toBe(404);
    });

    it('first sign-in creates a member with the default role; the second reuses the account', async () => {
      const first = await ssoSignIn(t, 'jane');
      expect(first.landed.statusCode, first.landed.body).toBe(302);
      expect(first.landed.headers.location).toBe('/');
      const orgs = await first.c.get('/api/v1/me');
      expect(orgs.statusCode, orgs.body).toBe(200);
      expect(orgs.body).toContain('action_owner');
      const members = await admin.get('/api/v1/orgs/acme/members?pageSize=100');
      const janes = members.json().items.filter((m: { email: string }) => m.email === `jane@${DOMAIN}`);
      expect(janes).toMatchObject([{ role: 'action_owner' }]);

      const second = await ssoSignIn(t, 'jane');
      expect(second.landed.statusCode).toBe(302);
      const users = await t.rt.database.db
        .selectFrom('user')
        .select('id')
        .where('email', '=', `jane@${DOMAIN}`)
        .execute();
      expect(users).toHaveLength(1);
      const again = await admin.get('/api/v1/orgs/acme/members?pageSize=100');
      expect(again.json().total).toBe(members.json().total);
      const trail = await admin.get('/api/v1/orgs/acme/audit-log');
      expect(trail.body.match(/member\.join_sso/g)).toHaveLength(1);
    });

    for (const fault of ['wrong-audience', 'expired'] as const) {
      it(`an ID token ${fault === 'expired' ? 'that has expired' : 'for another audience'} is refused: no account, no session`, async () => {
        idp.fault = fault;
        try {
          const { c, landed } = await ssoSignIn(t, `mallory-${fault}`);
          expect(landed.statusCode).toBe(302);
          expect(landed.headers.location).toMatch(/error=/);
          expect(c.cookies.has('better-auth.session_token')).toBe(false);
          const users = await t.rt.database.db
            .selectFrom('user')
            .select('id')
            .where('email', '=', `mallory-${fault}@${DOMAIN}`)
            .execute();
          expect(users).toHaveLength(0);
        } finally {
          idp.fault = 'none';
        }
      });
    }

    it('an email of another domain, asserted by this IdP, joins no organisation', async () => {
      const { c, landed } = await ssoSignIn(t, 'eve@other-corp.test', `eve@${DOMAIN}`);
      expect(landed.statusCode).toBe(302);
      const members = await admin.get('/api/v1/orgs/acme/members?pageSize=100');
      expect(members.body).not.toContain('eve@other-corp.test');
      expect((await c.get('/api/v1/orgs/acme/findings')).statusCode).toBe(404);
    });

    it('invitation-only: a new person signs in at the IdP but joins no organisation', async () => {
      expect((await configure({ jitRole: null })).statusCode).toBe(200);
      const { c, landed } = await ssoSignIn(t, 'tom');
      expect(landed.statusCode).toBe(302);
      const members = await admin.get('/api/v1/orgs/acme/members?pageSize=100');
      expect(members.body).not.toContain(`tom@${DOMAIN}`);
      // Not a member: the organisation answers as if it did not exist (tenancy).
      expect((await c.get('/api/v1/orgs/acme/findings')).statusCode).toBe(404);
      expect((await configure()).statusCode).toBe(200);
    });

    it('an email domain owned by another organisation is refused', async () => {
      await expectDomainClaimRefused(admin, 'oidc', {
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        domain: DOMAIN,
        jitRole: 'viewer',
      });
    });

    it('SSO required blocks password sign-in for members, not for the admin (break-glass)', async () => {
      expect((await configure({ ssoRequired: true })).statusCode).toBe(200);
      await expectPasswordRefusedButBreakGlass(t, `jane@${DOMAIN}`);
      expect((await configure({ ssoRequired: false })).statusCode).toBe(200);
    });
  });
}
