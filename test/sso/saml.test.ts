import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';
import { type AssertionFault, formOf, startSamlIdp, type TestSamlIdp } from '../support/saml-idp.ts';
import { expectDomainClaimRefused, expectPasswordRefusedButBreakGlass } from '../support/sso.ts';

// Issue #20: sign-in through an organisation's SAML 2.0 identity provider (Web Browser SSO profile,
// SP-initiated: AuthnRequest over HTTP-Redirect, Response over HTTP-POST), against samlify as the IdP.
const DOMAIN = 'acme-saml.test';
const PROVIDER = 'saml-acme';
const ACS = `/api/auth/sso/saml2/sp/acs/${PROVIDER}`;

interface AcsForm {
  action: string;
  fields: Record<string, string>;
}

const sessionOpened = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.some((c) => c.name.endsWith('session_token') && c.value !== '');

for (const kind of kinds) {
  // Each sign-in walks the IdP's two pages over loopback: bounded to 30 s a test on a shared machine.
  describe.runIf(hasKind(kind))(`SAML 2.0 single sign-on on ${kind}`, { timeout: 30_000 }, () => {
    let t: TestApp;
    let idp: TestSamlIdp;
    let admin: Client;

    /** The IdP's HTTP-POST form as a browser submits it: from the IdP's origin, urlencoded. */
    const postAcs = (form: AcsForm) =>
      t.app.inject({
        method: 'POST',
        url: new URL(form.action).pathname,
        headers: { origin: idp.origin, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(form.fields).toString(),
      });

    /** From closeloop's "company account" sign-in, through the IdP's login page, back to the ACS. */
    async function samlSignIn(login: string, email = `${login}@${DOMAIN}`) {
      const c = new Client(t.app);
      const start = await c.post('/api/auth/sign-in/sso', { email, callbackURL: '/' });
      expect(start.statusCode, start.body).toBe(200);
      const page = await fetch(start.json().url as string, { signal: AbortSignal.timeout(10_000) });
      expect(page.status, 'the IdP accepts the AuthnRequest').toBe(200);
      const loginForm = formOf(await page.text());
      const answered = await fetch(loginForm.action, {
        method: 'POST',
        body: new URLSearchParams({ ...loginForm.fields, login }),
        signal: AbortSignal.timeout(10_000),
      });
      const form = formOf(await answered.text());
      expect(form.action).toBe(`http://localhost:3999${ACS}`);
      return { form, landed: await postAcs(form) };
    }

    const usersNamed = (email: string) =>
      t.rt.database.db.selectFrom('user').select('id').where('email', '=', email).execute();

    const configure = (over: Record<string, unknown> = {}) =>
      admin.put('/api/v1/orgs/acme/sso/saml', {
        idpMetadataXml: idp.metadata,
        domain: DOMAIN,
        jitRole: 'action_owner',
        ...over,
      });

    beforeAll(async () => {
      idp = await startSamlIdp({ domain: DOMAIN });
      t = await startTestApp(kind, { CLOSELOOP_SSO_ALLOW_ORIGINS: idp.origin });
      admin = await setupAdmin(t);
    });
    afterAll(async () => {
      await t?.close();
      await idp?.close();
    });

    it('an admin configures the IdP from its metadata; closeloop names what to give the IdP', async () => {
      const res = await configure();
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        protocol: 'saml',
        issuer: idp.metadataUrl,
        redirectUri: `http://localhost:3999${ACS}`,
        saml: {
          idpEntityId: idp.metadataUrl,
          idpSsoUrl: `${idp.origin}/sso`,
          spEntityId: `http://localhost:3999/api/auth/sso/saml2/sp/metadata?providerId=${PROVIDER}`,
          acsUrl: `http://localhost:3999${ACS}`,
          signedAssertionsRequired: true,
          clockSkewSeconds: 60,
        },
      });
      const trail = await admin.get('/api/v1/orgs/acme/audit-log');
      expect(trail.body).toContain('sso.configure');
      const sp = await admin.get(`/api/auth/sso/saml2/sp/metadata?providerId=${PROVIDER}`);
      expect(sp.statusCode).toBe(200);
      expect(sp.body).toContain('WantAssertionsSigned="true"');
      expect(sp.body).toContain(`Location="http://localhost:3999${ACS}"`);
      idp.trust(sp.body);
    });

    it('the metadata may come from a URL the operator allowed, not from any other', async () => {
      const byUrl = await configure({ idpMetadataXml: undefined, idpMetadataUrl: idp.metadataUrl });
      expect(byUrl.statusCode, byUrl.body).toBe(200);
      expect(byUrl.json().saml).toMatchObject({ idpMetadataUrl: idp.metadataUrl });
      // The same IdP by another loopback origin: not allowed, so not even connected to.
      const other = idp.metadataUrl.replace('127.0.0.1', 'localhost');
      const refused = await configure({ idpMetadataXml: undefined, idpMetadataUrl: other });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0]).toMatchObject({ path: 'body/idpMetadataUrl' });
      const broken = await configure({ idpMetadataXml: '<EntityDescriptor/>' });
      expect(broken.statusCode).toBe(400);
      expect(broken.json().errors[0]).toMatchObject({ path: 'body/idpMetadataXml' });
      const both = await configure({ idpMetadataUrl: idp.metadataUrl });
      expect(both.statusCode).toBe(400);
    });

    it('only the ACS takes a form post, and only it from the IdP’s origin', async () => {
      const form = 'email=admin%40acme.test&password=x';
      const post = (url: string, origin: string) =>
        t.app.inject({
          method: 'POST',
          url,
          headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
          payload: form,
        });
      expect((await post('/api/auth/sign-in/email', 'http://localhost:3999')).statusCode).toBe(415);
      expect((await post('/api/auth/sign-in/email', idp.origin)).statusCode).toBe(403);
      expect((await post('/api/v1/setup', idp.origin)).statusCode).toBe(403);
    });

    it('first sign-in creates a member with the default role; the second reuses the account', async () => {
      const first = await samlSignIn('jane');
      expect(first.landed.statusCode, first.landed.body).toBe(302);
      expect(first.landed.headers.location).toBe('/');
      expect(sessionOpened(first.landed)).toBe(true);
      const members = await admin.get('/api/v1/orgs/acme/members?pageSize=100');
      const janes = members.json().items.filter((m: { email: string }) => m.email === `jane@${DOMAIN}`);
      expect(janes).toMatchObject([{ role: 'action_owner' }]);

      const second = await samlSignIn('jane');
      expect(second.landed.statusCode).toBe(302);
      expect(sessionOpened(second.landed)).toBe(true);
      expect(await usersNamed(`jane@${DOMAIN}`)).toHaveLength(1);
      const again = await admin.get('/api/v1/orgs/acme/members?pageSize=100');
      expect(again.json().total).toBe(members.json().total);
      const trail = await admin.get('/api/v1/orgs/acme/audit-log');
      expect(trail.body.match(/member\.join_sso/g)).toHaveLength(1);
    });

    const faults: [AssertionFault, RegExp][] = [
      ['wrong-audience', /error=invalid_saml_response/],
      ['wrong-recipient', /error=invalid_saml_response/],
      ['unsigned', /error=/],
      ['message-signed-only', /error=invalid_saml_response/],
      ['forged-key', /error=/],
      ['expired', /error=saml_refused/],
    ];
    for (const [fault, error] of faults) {
      it(`a ${fault} assertion is refused: no account, no session`, async () => {
        idp.fault = fault;
        try {
          const { landed } = await samlSignIn(`mallory-${fault}`);
          expect(landed.statusCode, landed.body).toBe(302);
          expect(landed.headers.location).toMatch(error);
          expect(sessionOpened(landed)).toBe(false);
          expect(await usersNamed(`mallory-${fault}@${DOMAIN}`)).toHaveLength(0);
        } finally {
          idp.fault = 'none';
        }
      });
    }

    it('a replayed response is refused, and so is a new response reusing an assertion id', async () => {
      const { form, landed } = await samlSignIn('rita');
      expect(sessionOpened(landed)).toBe(true);
      const replay = await postAcs(form);
      expect(replay.statusCode).toBe(302);
      expect(replay.headers.location).toMatch(/error=/);
      expect(sessionOpened(replay)).toBe(false);
      idp.fault = 'reuse-assertion-id';
      try {
        const reused = await samlSignIn('rita');
        expect(reused.landed.headers.location).toMatch(/error=replay_detected/);
        expect(sessionOpened(reused.landed)).toBe(false);
      } finally {
        idp.fault = 'none';
      }
    });

    it('the clock skew is the organisation’s: 30 s late passes with 60 s, not with 0', async () => {
      idp.fault = 'expired-30s';
      try {
        const lenient = await samlSignIn('sam');
        expect(sessionOpened(lenient.landed)).toBe(true);
        expect((await configure({ clockSkewSeconds: 0 })).statusCode).toBe(200);
        const strict = await samlSignIn('sam');
        expect(strict.landed.headers.location).toMatch(/error=saml_refused/);
        expect(sessionOpened(strict.landed)).toBe(false);
      } finally {
        idp.fault = 'none';
        expect((await configure()).statusCode).toBe(200);
      }
    });

    it('an email outside the organisation’s domain is refused at sign-in and as a claim', async () => {
      const { landed } = await samlSignIn('eve@other-corp.test', `eve@${DOMAIN}`);
      expect(landed.headers.location).toMatch(/error=saml_refused/);
      expect(sessionOpened(landed)).toBe(false);
      expect(await usersNamed('eve@other-corp.test')).toHaveLength(0);
      await expectDomainClaimRefused(admin, 'saml', {
        idpMetadataXml: idp.metadata,
        domain: DOMAIN,
        jitRole: 'viewer',
      });
    });

    it('SSO required blocks password sign-in for members, not for the admin (break-glass)', async () => {
      expect((await configure({ ssoRequired: true })).statusCode).toBe(200);
      await expectPasswordRefusedButBreakGlass(t, `jane@${DOMAIN}`);
      // The company account still works for her.
      expect(sessionOpened((await samlSignIn('jane')).landed)).toBe(true);
    });
  });
}
