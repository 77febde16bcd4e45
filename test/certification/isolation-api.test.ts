import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  hasKind,
  kinds,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';

// Internal audit routes are keyed by the audit reference, which the tenancy walk treats as shared between
// organisations; this test checks their isolation by hand, with checks of one organisation probed through
// an audit of the other.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`internal audits stay inside their organisation on ${kind}`, () => {
    let t: TestApp;
    let isa: Client; // admin of acme and beta
    let ravi: Client; // internal auditor of acme only
    beforeAll(async () => {
      t = await startTestApp(kind);
      isa = await setupAdmin(t, 'acme', 'isa@acme.test');
      ravi = await addMember(t, isa, 'acme', 'ravi@acme.test', 'internal_auditor');
      await addMember(t, isa, 'acme', 'tom@acme.test', 'action_owner');
      expect((await isa.post('/api/v1/organisations', { name: 'Beta', slug: 'beta' })).statusCode).toBe(201);
      await addMember(t, isa, 'beta', 'bob@beta.test', 'action_owner');
    });
    afterAll(async () => t?.close());

    it('answers 404 for the other organisation’s audit, checks and programme', async () => {
      const plan = (slug: string, ref: string, auditor: string, auditee: string) =>
        isa.post(`/api/v1/orgs/${slug}/internal-audits`, {
          ref,
          area: 'HR',
          auditorEmail: auditor,
          auditeeEmail: auditee,
          plannedOn: '2027-05-01',
          requirements: ['A.6.1'],
        });
      expect((await plan('acme', 'IA-A', 'ravi@acme.test', 'tom@acme.test')).statusCode).toBe(201);
      const planned = await plan('beta', 'IA-B', 'isa@acme.test', 'bob@beta.test');
      expect(planned.statusCode, planned.body).toBe(201);
      const betaCheck = planned.json().checklist[0].id;
      expect((await ravi.get('/api/v1/orgs/acme/internal-audits/IA-B')).statusCode).toBe(404);
      const acme = '/api/v1/orgs/acme/internal-audits/IA-A/checks';
      expect((await ravi.patch(`${acme}/${betaCheck}`, { result: 'conform' })).statusCode).toBe(404);
      expect((await ravi.post(`${acme}/${betaCheck}/finding`, { ref: 'X', statement: 'x' })).statusCode).toBe(
        404,
      );
      expect((await ravi.get('/api/v1/orgs/beta/internal-audits/programme')).statusCode).toBe(404);
      const acmeCheck = (await ravi.get('/api/v1/orgs/acme/internal-audits/IA-A')).json().checklist[0].id;
      expect((await ravi.patch(`${acme}/${acmeCheck}`, { result: 'conform' })).statusCode).toBe(200);
      const beta = (
        await isa.get('/api/v1/orgs/beta/internal-audits/programme?from=2020-01-01&to=2040-12-31')
      ).json();
      expect(beta.covered).toBe(0);
      expect(beta.audits.map((a: { ref: string }) => a.ref)).toEqual(['IA-B']);
      const timeline = (await isa.get('/api/v1/orgs/beta/certification/timeline')).json();
      expect(timeline.map((e: { auditRef: string }) => e.auditRef)).toEqual(['IA-B']);
    });
  });
}
