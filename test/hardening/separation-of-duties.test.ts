import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, hasKind, kinds, startTestApp, type TestApp } from '../support/harness.ts';
import { upload } from '../support/multipart.ts';
import { acmeWithFinding } from './fixture.ts';

// Issue #18, finding 9: the verifier is independent of everyone who analysed, implemented or submitted;
// a guest (the certification body's auditor) owns nothing.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`separation of duties on ${kind}`, () => {
    let t: TestApp;
    let isa: Client;
    let ima: Client; // ISMS manager who does the work herself
    let ravi: Client; // internal auditor, independent
    let claire: Client; // external auditor (guest)
    let base: string;
    beforeAll(async () => {
      t = await startTestApp(kind);
      const acme = await acmeWithFinding(t);
      isa = acme.admin;
      base = `/api/v1/orgs/acme/findings/${acme.findingId}`;
      ima = await addMember(t, isa, 'acme', 'ima@acme.test', 'isms_manager');
      ravi = await addMember(t, isa, 'acme', 'ravi@acme.test', 'internal_auditor');
      claire = await addMember(t, isa, 'acme', 'claire@certa.test', 'external_auditor');
    });
    afterAll(async () => t?.close());
    const tr = (c: Client, action: string, extra: Record<string, string> = {}) =>
      c.post(`${base}/transitions`, { action, ...extra });

    it('a guest cannot own a corrective action, a finding or a plan task', async () => {
      const action = await isa.post(`${base}/actions`, {
        title: 'Patch SLA',
        ownerEmail: 'claire@certa.test',
      });
      expect(action.statusCode).toBe(400);
      expect(action.json().errors[0]).toMatchObject({ path: 'body/ownerEmail' });
      expect(action.json().detail).toMatch(/guest/);
      const finding = await isa.post('/api/v1/orgs/acme/audits/S2-2026/findings', {
        ref: 'NC-02',
        grade: 'minor',
        requirements: ['A.5.15'],
        statement: 'Access reviews late.',
        ownerEmail: 'claire@certa.test',
      });
      expect(finding.statusCode).toBe(400);
      const task = await isa.post('/api/v1/orgs/acme/plan/tasks', {
        title: 'Review',
        ownerEmail: 'claire@certa.test',
      });
      expect(task.statusCode).toBe(400);
    });

    it('the ISMS manager who analysed and submitted cannot verify; an independent auditor can', async () => {
      expect((await tr(ima, 'start_analysis')).statusCode).toBe(200);
      const rec = await ima.patch(`${base}/record`, {
        correction: { what: 'Patched', who: 'Ima', on: '2026-03-05' },
        rootCause: {
          method: 'five_whys',
          whys: [{ question: 'Why late?', answer: 'No owner' }],
          statement: 'No owner for vulnerability management.',
        },
        expectedEffect: 'Criticals fixed within 14 days.',
        effectiveness: { criteria: 'Three clean monthly scans', reviewerEmail: 'ravi@acme.test' },
      });
      expect(rec.statusCode, rec.body).toBe(204);
      const action = await isa.post(`${base}/actions`, {
        title: 'Define a patch SLA',
        ownerEmail: 'isa@acme.test',
        dueOn: '2026-04-30',
      });
      expect(action.statusCode).toBe(201);
      expect((await tr(ima, 'submit_plan')).statusCode).toBe(200);
      expect((await tr(claire, 'accept_plan')).statusCode).toBe(200);
      expect((await tr(isa, 'start_implementation')).statusCode).toBe(200);
      await isa.patch(`${base}/actions/${action.json().id}`, { status: 'done' });
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      expect((await upload(ima, `${base}/evidence`, 'sla.pdf', pdf)).statusCode).toBe(201);
      expect((await tr(ima, 'submit_evidence')).statusCode).toBe(200);
      const self = await tr(ima, 'verify_internally', { comment: 'looks fine' });
      expect(self.statusCode).toBeGreaterThanOrEqual(400);
      expect(self.json().detail).toMatch(/must not have implemented/);
      const offered = (await ima.get(base)).json().availableActions.map((a: { action: string }) => a.action);
      expect(offered).not.toContain('verify_internally');
      expect((await tr(ravi, 'verify_internally', { comment: 'Scans reviewed' })).statusCode).toBe(200);
    });
  });
}
