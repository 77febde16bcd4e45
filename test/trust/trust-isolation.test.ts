import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  Client,
  hasKind,
  kinds,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';
import { lastMail, nda, publishedPage, signInToken, type TrustFixture } from './fixture.ts';

// No private document or internal field reaches an anonymous request or a visitor of another
// organisation: every public endpoint is called in both roles and the raw bodies are searched for the
// private titles and contents, nda/request contents, and the names and values of internal fields.

const internalFieldNames = [
  'sha256',
  'token_hash',
  'tokenHash',
  'passcode',
  'organisation_id',
  'organisationId',
  'createdBy',
  'created_by',
  'storage',
  'mediaType',
  'decidedBy',
  'autoApproveDomains',
  'customers',
];

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`trust page isolation on ${kind}`, () => {
    let t: TestApp;
    let acme: TrustFixture;
    let beta: TrustFixture;
    let betaVisitor: Client; // signed in on beta's page with every kind of access there
    const secrets: string[] = [];

    beforeAll(async () => {
      t = await startTestApp(kind);
      const alice = await setupAdmin(t, 'acme', 'alice@acme.test');
      await addMember(t, alice, 'acme', 'isabel@acme.test', 'isms_manager');
      acme = await publishedPage(alice, 'acme', {
        customers: [{ name: 'Big Customer', domain: 'bigco.test' }],
      });
      expect((await alice.post('/api/v1/organisations', { name: 'Beta', slug: 'beta' })).statusCode).toBe(
        201,
      );
      beta = await publishedPage(alice, 'beta', { autoApproveDomains: ['visitor.test'] });
      // A visitor of beta: NDA accepted, request auto-approved, signed in with a verified email.
      betaVisitor = new Client(t.app);
      expect((await betaVisitor.post('/api/v1/trust/beta/nda', nda('vic@visitor.test'))).statusCode).toBe(
        204,
      );
      const asked = await betaVisitor.post('/api/v1/trust/beta/requests', {
        name: 'Vic',
        email: 'vic@visitor.test',
        company: 'Visitor',
        documentId: null,
      });
      expect(asked.json().status).toBe('approved');
      const token = signInToken((await lastMail(t, 'vic@visitor.test'))!.body_text);
      expect((await betaVisitor.post('/api/v1/trust/beta/sign-in', { token })).statusCode).toBe(204);
      expect((await betaVisitor.get(`/api/v1/trust/beta/documents/${beta.requestId}`)).statusCode).toBe(200);
      const acmeOrg = await t.rt.database.db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'acme')
        .executeTakeFirstOrThrow();
      const docs = await t.rt.database.db.selectFrom('trust_document').select('sha256').execute();
      secrets.push(
        acme.titles.private,
        acme.bodies.private,
        acme.bodies.nda,
        acme.bodies.request,
        beta.titles.private,
        beta.bodies.private,
        'alice@acme.test',
        'isabel@acme.test',
        'bigco.test',
        acmeOrg.id,
        ...docs.map((d) => d.sha256!),
      );
    });
    afterAll(async () => t?.close());

    /** Every public endpoint of acme's page, with bodies that would succeed for a rightful visitor. */
    async function callAll(c: Client) {
      const base = '/api/v1/trust/acme';
      const out = [
        await c.get(base),
        await c.get('/trust/acme'),
        ...(await Promise.all(
          [
            acme.ndaId,
            acme.requestId,
            acme.privateId,
            beta.publicId,
            beta.ndaId,
            beta.requestId,
            beta.privateId,
          ].map((id) => c.get(`${base}/documents/${id}`)),
        )),
        await c.post(`${base}/requests`, {
          name: 'X',
          email: 'x@x.test',
          company: 'X',
          documentId: acme.privateId,
        }),
        await c.post(`${base}/requests`, {
          name: 'X',
          email: 'x@x.test',
          company: 'X',
          documentId: beta.requestId,
        }),
        await c.post(`${base}/sign-in`, { token: 'tsi_not-a-real-token-not-a-real-token' }),
        await c.post(`${base}/links/open`, {
          token: 'tsl_not-a-real-token-not-a-real-token',
          name: 'X',
          email: 'x@x.test',
        }),
      ];
      return out;
    }

    it('gives an anonymous request no private or confidential content and no internal field', async () => {
      const anon = new Client(t.app);
      const responses = await callAll(anon);
      const [page, , ndaDoc, requestDoc, privateDoc, ...foreign] = responses;
      expect(page!.statusCode).toBe(200);
      expect([ndaDoc, requestDoc, privateDoc].map((r) => r!.statusCode)).toEqual([404, 404, 404]);
      // beta's documents, even its public one, do not exist on acme's page
      expect(foreign.slice(0, 4).map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
      expect(foreign.slice(4).map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
      for (const res of responses) {
        for (const s of secrets) expect(res.body, `${res.raw.req.url} leaks ${s}`).not.toContain(s);
        if (res.headers['content-type']?.toString().includes('json'))
          for (const f of internalFieldNames)
            expect(res.body, `${res.raw.req.url} has ${f}`).not.toContain(`"${f}"`);
      }
      // the same 404 body whatever was missing: a private document reads like one that never existed
      const strip = (b: string) => JSON.parse(b).code;
      expect(strip(privateDoc!.body)).toBe(strip(foreign[3]!.body));
    });

    it("gives a visitor of another organisation's page nothing more than an anonymous one", async () => {
      const before = betaVisitor.cookies.size;
      expect(before).toBeGreaterThan(0); // the cookie is sent along: it must not count on acme's page
      const responses = await callAll(betaVisitor);
      const page = responses[0]!.json();
      expect(page.visitor).toBeNull();
      expect(page.documents.map((d: { access: string; accessLevel: string }) => d.access).sort()).toEqual([
        'granted',
        'needs_nda',
        'needs_request',
      ]);
      expect(responses.slice(2, 9).every((r) => r.statusCode === 404)).toBe(true);
      for (const res of responses)
        for (const s of [...secrets, beta.bodies.request]) expect(res.body).not.toContain(s);
    });

    it('keeps the admin API of the trust page behind membership', async () => {
      const anon = new Client(t.app);
      expect((await anon.get('/api/v1/orgs/acme/trust/documents')).statusCode).toBe(401);
      const bob = await setupOther();
      expect((await bob.get('/api/v1/orgs/acme/trust/documents')).statusCode).toBe(404);
      expect((await bob.get('/api/v1/orgs/acme/trust/log')).statusCode).toBe(404);
    });

    async function setupOther() {
      const alice = new Client(t.app);
      await alice.signIn('alice@acme.test', 'correct horse battery staple');
      const gamma = await alice.post('/api/v1/organisations', { name: 'Gamma', slug: 'gamma' });
      expect(gamma.statusCode).toBe(201);
      return addMember(t, alice, 'gamma', 'bob@gamma.test', 'admin');
    }
  });
}
