import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  hasKind,
  kinds,
  ORIGIN,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';

// 500s found by the probe (issue #18, finding 7), each now a 400 problem+json.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`malformed changes answer 400 on ${kind}`, () => {
    let t: TestApp;
    let isa: Client;
    let ravi: Client;
    beforeAll(async () => {
      t = await startTestApp(kind);
      isa = await setupAdmin(t, 'acme', 'isa@acme.test');
      ravi = await addMember(t, isa, 'acme', 'ravi@acme.test', 'internal_auditor');
      await addMember(t, isa, 'acme', 'tom@acme.test', 'action_owner');
    });
    afterAll(async () => t?.close());

    const problem400 = (res: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
      expect(res.statusCode, res.body).toBe(400);
      expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
    };

    it('moving a planned certification audit to an impossible date', async () => {
      const c = (
        await isa.post('/api/v1/orgs/acme/certificates', {
          number: 'IS 1',
          certificationBody: 'Certa',
          scope: 'All',
          issuedOn: '2027-01-31',
        })
      ).json();
      const url = `/api/v1/orgs/acme/certificates/${c.id}/audits/${c.audits[0].id}`;
      for (const plannedOn of ['2028-02-30', '2028-13-01', 'soon'])
        problem400(await isa.patch(url, { plannedOn }));
      problem400(
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/orgs/acme/certificates/${c.id}/file`,
          headers: {
            origin: ORIGIN,
            'content-type': 'multipart/form-data',
            cookie: [...isa.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          },
          payload: 'x',
        }),
      );
    });

    it('a checklist item patched with nothing to change', async () => {
      const ia = await isa.post('/api/v1/orgs/acme/internal-audits', {
        ref: 'IA-1',
        area: 'Vulnerability management',
        auditorEmail: 'ravi@acme.test',
        auditeeEmail: 'tom@acme.test',
        plannedOn: '2027-06-01',
        requirements: ['A.8.8'],
      });
      expect(ia.statusCode, ia.body).toBe(201);
      const check = ia.json().checklist[0].id;
      const url = `/api/v1/orgs/acme/internal-audits/${ia.json().ref}/checks/${check}`;
      problem400(await ravi.patch(url, {}));
      expect((await ravi.patch(url, { evidence: 'Scan of 2027-06-01' })).statusCode).toBe(200);
    });
  });
}
