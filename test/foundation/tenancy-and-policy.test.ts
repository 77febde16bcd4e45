import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/contracts/roles.ts';
import { isKnownPolicy, policyTable } from '../../src/http/policy.ts';
import { recordJobFailure } from '../../src/modules/jobs/jobs.repository.ts';
import {
  addMember,
  Client,
  hasKind,
  kinds,
  lastInvitationToken,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';
import { upload } from '../support/multipart.ts';
import { certificationFixture, findingFixture, trustFixture } from '../support/tenancy-fixtures.ts';

// Bodies for routes whose id lookups happen after validation; a new route with an id parameter and a
// body fails this test until it gets a sample here, so tenant isolation is checked on every route.
const sampleBodies: Record<string, unknown> = {
  'PATCH /api/v1/orgs/:org/members/:memberId': { role: 'viewer' },
  'POST /api/v1/orgs/:org/audits/:auditRef/findings': {
    ref: 'X-1',
    grade: 'minor',
    requirements: ['A.5.1'],
    statement: 'x',
  },
  'PATCH /api/v1/orgs/:org/audits/:auditRef': { scope: 'changed' },
  'PUT /api/v1/orgs/:org/deadline-policies/:key': {
    name: 'x',
    definition: { dayKind: 'calendar', grades: {}, notes: '' },
  },
  'PATCH /api/v1/orgs/:org/findings/:findingId': { statement: 'changed' },
  'PATCH /api/v1/orgs/:org/webhooks/:endpointId': { description: 'changed' },
  'PATCH /api/v1/orgs/:org/sso/:providerId': { clientId: 'changed' },
  'POST /api/v1/orgs/:org/webhooks/:endpointId/rotate-secret': { overlapHours: 1 },
  'POST /api/v1/orgs/:org/webhooks/:endpointId/deliveries/:deliveryId/redeliver': {},
  'POST /api/v1/orgs/:org/jobs/failed/:failureId/retry': {},
  'POST /api/v1/orgs/:org/findings/:findingId/transitions': { action: 'start_analysis' },
  'POST /api/v1/orgs/:org/findings/:findingId/comments': { body: 'hello' },
  'PUT /api/v1/orgs/:org/findings/:findingId/effectiveness-review': {
    criteria: 'x',
    dueOn: '2030-01-31',
    reviewerEmail: 'alice@acme.test',
  },
  'POST /api/v1/orgs/:org/findings/:findingId/effectiveness-review/result': { result: 'effective' },
  'PATCH /api/v1/orgs/:org/findings/:findingId/record': { expectedEffect: 'x' },
  'POST /api/v1/orgs/:org/findings/:findingId/actions': { title: 'x' },
  'PATCH /api/v1/orgs/:org/findings/:findingId/actions/:actionId': { title: 'y' },
  'POST /api/v1/orgs/:org/findings/:findingId/amendments': {
    kind: 'document',
    reference: 'POL-1',
    description: 'x',
  },
  'POST /api/v1/orgs/:org/findings/:findingId/evidence': 'multipart',
  'PATCH /api/v1/orgs/:org/plan/tasks/:taskId': { effortDays: 2 },
  'POST /api/v1/orgs/:org/plan/tasks/:taskId/comments': { body: 'hello' },
  'PUT /api/v1/orgs/:org/plan/people/:userId/capacity': { share: 0.5 },
  'POST /api/v1/orgs/:org/plan/people/:userId/time-off': { from: '2026-12-01', to: '2026-12-02' },
  'PATCH /api/v1/orgs/:org/plan/scenarios/:scenarioId': { name: 'renamed' },
  'PUT /api/v1/orgs/:org/plan/teams/:teamId': { name: 'renamed', memberIds: [] },
  'POST /api/v1/orgs/:org/plan/scenarios/:scenarioId/apply': {},
  'POST /api/v1/orgs/:org/plan/scenarios/:scenarioId/discard': {},
  'PATCH /api/v1/orgs/:org/certificates/:certificateId': { scope: 'changed' },
  'PATCH /api/v1/orgs/:org/certificates/:certificateId/audits/:plannedAuditId': { plannedOn: '2028-01-03' },
  'PUT /api/v1/orgs/:org/certificates/:certificateId/tasks/:taskId': { done: true },
  'POST /api/v1/orgs/:org/certificates/:certificateId/file': 'multipart',
  'PATCH /api/v1/orgs/:org/management-reviews/:reviewId': { notes: 'changed' },
  'PATCH /api/v1/orgs/:org/trust/documents/:documentId': { title: 'changed' },
  'POST /api/v1/orgs/:org/trust/requests/:requestId/decision': { decision: 'deny', reason: 'probe' },
};
// Routes keyed by something that is not secret and may legitimately exist in both organisations
// (an audit reference, a policy key) are checked with the slug test only.
const sharedKeys = new Set([
  'auditRef',
  'key',
  'kind',
  // ISMS baseline: SoA version numbers, Annex A ids, risk and document refs and framework names exist
  // in every organisation.
  'version',
  'controlId',
  'riskRef',
  'documentRef',
  'objectiveRef',
  'framework',
]);

/**
 * What a granted role gets from the walk below: an empty body (`{}`) and ids that do not exist. By default a
 * list answers 200, an id that does not exist 404 and an empty body 400 (validation, with field paths);
 * the routes below differ for the reason given. A new route that answers otherwise fails the walk until it
 * is listed here, so a 500 never passes as "allowed".
 */
const grantedAnswers: Record<string, number> = {
  'POST /api/v1/orgs/:org/webhooks/:endpointId/deliveries/:deliveryId/redeliver': 404,
  // no body: the dead letter does not exist
  'POST /api/v1/orgs/:org/jobs/failed/:failureId/retry': 404,
  // multipart only: a JSON body is the wrong media type
  'POST /api/v1/orgs/:org/findings/:findingId/evidence': 415,
  'POST /api/v1/orgs/:org/audits/:auditRef/import': 415,
  'POST /api/v1/orgs/:org/trust/documents': 415,
  // every field optional: the empty change is valid and the id is looked up (and not found)
  'PATCH /api/v1/orgs/:org/audits/:auditRef': 404,
  'PATCH /api/v1/orgs/:org/findings/:findingId': 404,
  'PATCH /api/v1/orgs/:org/sso/:providerId': 404,
  'PATCH /api/v1/orgs/:org/findings/:findingId/record': 404,
  'PATCH /api/v1/orgs/:org/findings/:findingId/actions/:actionId': 404,
  'PATCH /api/v1/orgs/:org/plan/tasks/:taskId': 404,
  'PATCH /api/v1/orgs/:org/plan/scenarios/:scenarioId': 404,
  'POST /api/v1/orgs/:org/plan/scenarios/:scenarioId/apply': 404,
  'POST /api/v1/orgs/:org/plan/scenarios/:scenarioId/discard': 404,
  'PATCH /api/v1/orgs/:org/certificates/:certificateId': 404,
  'POST /api/v1/orgs/:org/certificates/:certificateId/file': 404,
  'PATCH /api/v1/orgs/:org/internal-audits/:auditRef/checks/:checkId': 404,
  'PATCH /api/v1/orgs/:org/management-reviews/:reviewId': 404,
  'PATCH /api/v1/orgs/:org/trust/documents/:documentId': 404,
  'PATCH /api/v1/orgs/:org/risks/:riskRef': 404,
  'PATCH /api/v1/orgs/:org/documents/:documentRef': 404,
  'PATCH /api/v1/orgs/:org/objectives/:objectiveRef': 404,
  // no body at all: the revision is made from the audit's findings, so the audit is looked up (and not found)
  'POST /api/v1/orgs/:org/audits/:auditRef/cap/revisions': 404,
  // every field has a default: the empty body does the thing
  'POST /api/v1/orgs/:org/calendar-feeds': 201,
  'POST /api/v1/orgs/:org/document-reminders': 200,
  'POST /api/v1/orgs/:org/posture/projection': 200,
  // the key is validated before any lookup (report kind, SoA version number, framework name)
  'GET /api/v1/orgs/:org/reports/:kind': 400,
  'GET /api/v1/orgs/:org/soa/versions/:version': 400,
  'GET /api/v1/orgs/:org/soa/versions/:version/export': 400,
  'GET /api/v1/orgs/:org/soa/compare': 400,
  'DELETE /api/v1/orgs/:org/soa/versions/:version/other-controls/:controlId': 400,
  'GET /api/v1/orgs/:org/crosswalks/:framework': 400,
  'GET /api/v1/orgs/:org/crosswalks/:framework/export': 400,
  'GET /api/v1/orgs/:org/crosswalks/:framework/overrides': 400,
  'DELETE /api/v1/orgs/:org/crosswalks/:framework/overrides/:overrideId': 400,
  // no SoA started in this organisation yet
  'GET /api/v1/orgs/:org/soa': 404,
};
function expectedWhenGranted(method: string, url: string): number {
  const listed = grantedAnswers[`${method} ${url}`];
  if (listed !== undefined) return listed;
  if (method === 'GET' || method === 'DELETE') return /:(?!org)\w+/.test(url) ? 404 : 200;
  return 400;
}

const orgRoutes = (t: TestApp) => t.app.routeCatalogue.filter((r) => r.url.includes(':org'));
const fill = (url: string, slug: string, ids: Record<string, string>) =>
  url
    .replace(':org', slug)
    .replace(/:(\w+)/g, (_, name: string) => ids[name] ?? `missing-${name.toLowerCase()}`);

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`policy table and tenant isolation on ${kind}`, () => {
    let t: TestApp;
    let alice: Client; // admin of acme
    let bob: Client; // admin of beta
    const betaIds: Record<string, string> = {};
    const acmeIds: Record<string, string> = {};

    beforeAll(async () => {
      t = await startTestApp(kind);
      alice = await setupAdmin(t, 'acme', 'alice@acme.test');
      const created = await alice.post('/api/v1/organisations', { name: 'Beta', slug: 'beta' });
      expect(created.statusCode).toBe(201);
      // Bob administers beta only: alice leaves it after adding him.
      bob = await addMember(t, alice, 'beta', 'bob@beta.test', 'admin');
      const betaMembers = (await bob.get('/api/v1/orgs/beta/members')).json().items;
      const aliceInBeta = betaMembers.find((m: { email: string }) => m.email === 'alice@acme.test');
      expect((await bob.delete(`/api/v1/orgs/beta/members/${aliceInBeta.id}`)).statusCode).toBe(204);
      betaIds.memberId = betaMembers.find((m: { email: string }) => m.email === 'bob@beta.test').id;
      betaIds.invitationId = (
        await bob.post('/api/v1/orgs/beta/invitations', { email: 'x@beta.test', role: 'viewer' })
      ).json().id;
      betaIds.tokenId = (await bob.post('/api/v1/orgs/beta/api-tokens', { name: 'ci' })).json().id;
      Object.assign(betaIds, await findingFixture(bob, 'beta'));
      Object.assign(acmeIds, await findingFixture(alice, 'acme'));
      Object.assign(betaIds, await certificationFixture(bob, 'beta'));
      Object.assign(acmeIds, await certificationFixture(alice, 'acme'));
      Object.assign(betaIds, await trustFixture(t, bob, 'beta'));
      // A dead letter of beta's reminders (issue #17): another organisation's failed job.
      const beta = await t.rt.database.db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'beta')
        .executeTakeFirstOrThrow();
      betaIds.failureId = await recordJobFailure(t.rt.database.db, {
        job: 'notifications-due',
        data: {},
        error: 'fixture',
        attempts: 4,
        failedAt: new Date().toISOString(),
        organisationId: beta.id,
      });
      Object.assign(acmeIds, await trustFixture(t, alice, 'acme'));
      betaIds.overrideId = (
        await bob.put('/api/v1/orgs/beta/crosswalks/soc2/overrides', {
          from: '8.8',
          fromKind: 'annex_a',
          to: 'CC7.1',
          relationship: 'intersect',
          reason: 'fixture',
        })
      ).json()[0].id;
      acmeIds.memberId = (await alice.get('/api/v1/orgs/acme/members')).json().items[0].id;
      acmeIds.invitationId = (
        await alice.post('/api/v1/orgs/acme/invitations', { email: 'y@acme.test', role: 'viewer' })
      ).json().id;
      acmeIds.tokenId = (await alice.post('/api/v1/orgs/acme/api-tokens', { name: 'ci' })).json().id;
    });
    afterAll(async () => t?.close());

    it('gives every registered route an entry in the policy table', () => {
      const missing = t.app.routeCatalogue.filter((r) => !isKnownPolicy(r.policy));
      expect(missing).toEqual([]);
      for (const r of orgRoutes(t))
        expect(Object.keys(policyTable), `${r.method} ${r.url}`).toContain(r.policy);
      expect(t.app.routeCatalogue.length).toBeGreaterThan(15);
    });

    it('asks for credentials on every non-public route', async () => {
      const anon = new Client(t.app);
      for (const r of t.app.routeCatalogue.filter((x) => x.policy !== 'public')) {
        const res = await anon.request(
          r.method,
          fill(r.url, 'acme', acmeIds),
          r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        );
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      }
    });

    it("answers 404 for another organisation's slug on every organisation route", async () => {
      for (const r of orgRoutes(t)) {
        const res = await alice.request(
          r.method,
          fill(r.url, 'beta', betaIds),
          r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        );
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
      }
    });

    it("answers 404 for another organisation's ids inside one's own organisation", async () => {
      for (const r of orgRoutes(t).filter(
        (x) =>
          /:(?!org)\w+/.test(x.url) && ![...x.url.matchAll(/:(\w+)/g)].some((m) => sharedKeys.has(m[1]!)),
      )) {
        const key = `${r.method} ${r.url}`;
        const body = r.method === 'GET' || r.method === 'DELETE' ? undefined : sampleBodies[key];
        if (r.method !== 'GET' && r.method !== 'DELETE') expect(body, `sample body for ${key}`).toBeDefined();
        const url = fill(r.url, 'acme', betaIds);
        const res =
          key.endsWith('/evidence') && r.method === 'POST'
            ? await upload(alice, url, 'x.txt', Buffer.from('x'))
            : await alice.request(r.method, url, body);
        expect(res.statusCode, key).toBe(404);
      }
      // and the foreign entities are untouched
      const betaTrust = '/api/v1/orgs/beta/trust';
      expect((await bob.get(`${betaTrust}/requests?status=pending`)).json().items).toHaveLength(1);
      expect((await bob.get(`${betaTrust}/links`)).json().items[0].live).toBe(true);
      expect((await bob.get(`${betaTrust}/grants`)).json().items[0].live).toBe(true);
      expect((await bob.get(`${betaTrust}/documents`)).json().items[0].title).toBe('Policy');
      expect(
        (await bob.get('/api/v1/orgs/beta/invitations'))
          .json()
          .items.some((i: { status: string }) => i.status === 'pending'),
      ).toBe(true);
    });

    it('an API token acts in its own organisation only', async () => {
      const created = (await alice.post('/api/v1/orgs/acme/api-tokens', { name: 'automation' })).json();
      const robot = new Client(t.app, created.token);
      expect((await robot.get('/api/v1/orgs/acme/members')).statusCode).toBe(200);
      const stored = await t.rt.database.db.selectFrom('api_token').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(created.token);
      // Alice joins gamma too (signed in, she accepts the link): her acme token still cannot reach it.
      // Gamma is bob's and made here, so beta stays an organisation alice is not in for the other tests.
      expect((await bob.post('/api/v1/organisations', { name: 'Gamma', slug: 'gamma' })).statusCode).toBe(
        201,
      );
      await bob.post('/api/v1/orgs/gamma/invitations', { email: 'alice@acme.test', role: 'viewer' });
      const token = await lastInvitationToken(t, 'alice@acme.test');
      expect((await alice.post('/api/v1/invitations/accept', { token })).statusCode).toBe(200);
      expect((await alice.get('/api/v1/orgs/gamma/members')).statusCode).toBe(200);
      expect((await robot.get('/api/v1/orgs/gamma/members')).statusCode).toBe(404);
      expect((await alice.delete(`/api/v1/orgs/acme/api-tokens/${created.id}`)).statusCode).toBe(204);
      expect((await robot.get('/api/v1/orgs/acme/members')).statusCode).toBe(401);
    });

    // About 850 requests: every organisation route for every role.
    it("answers each role exactly: 403 where not granted, the route's own answer where granted", async () => {
      const byRole = new Map<string, Client>();
      for (const role of roles) {
        byRole.set(
          role,
          role === 'admin' ? alice : await addMember(t, alice, 'acme', `${role}@acme.test`, role),
        );
      }
      for (const r of orgRoutes(t)) {
        const key = `${r.method} ${r.url}`;
        for (const role of roles) {
          const allowed = (policyTable as Record<string, readonly string[]>)[r.policy!]!.includes(role);
          const url = fill(r.url, 'acme', {
            memberId: 'no-such-member',
            invitationId: 'no-such',
            tokenId: 'no-such',
          });
          const res = await byRole
            .get(role)!
            .request(r.method, url, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
          // Exact: a granted role that gets a 500 (or a 403) fails here, as does a denied one that gets in.
          expect(res.statusCode, `${role} ${key}: ${res.body.slice(0, 200)}`).toBe(
            allowed ? expectedWhenGranted(r.method, r.url) : 403,
          );
          if (res.statusCode >= 400)
            expect(res.headers['content-type'], key).toMatch(/^application\/problem\+json/);
          if (!allowed) expect(res.json().code).toBe('forbidden');
        }
      }
    }, 120_000);
  });
}
