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
import { upload } from '../support/multipart.ts';

const stage2 = {
  ref: 'S2-2026',
  type: 'stage2',
  certificationBody: 'Certa Assurance',
  leadAuditor: 'Claire Dubois',
  reportReceivedOn: '2026-03-02',
  recommendation: 'recommended_upon_action_plan',
  policyKey: 'fast-14-30-60',
};

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`nonconformity lifecycle through the API on ${kind}`, () => {
    let t: TestApp;
    let isa: Client; // administrator
    let tom: Client; // action owner
    let ravi: Client; // internal auditor
    let claire: Client; // external auditor
    let ima: Client; // ISMS manager
    beforeAll(async () => {
      t = await startTestApp(kind);
      isa = await setupAdmin(t, 'acme', 'isa@acme.test');
      tom = await addMember(t, isa, 'acme', 'tom@acme.test', 'action_owner');
      ravi = await addMember(t, isa, 'acme', 'ravi@acme.test', 'internal_auditor');
      claire = await addMember(t, isa, 'acme', 'claire@certa.test', 'external_auditor');
      ima = await addMember(t, isa, 'acme', 'ima@acme.test', 'isms_manager');
    });
    afterAll(async () => t?.close());

    // Each test makes its own audit: none reads what another one wrote.
    async function auditWithMajor(ref: string): Promise<string> {
      expect((await isa.post('/api/v1/orgs/acme/audits', { ...stage2, ref })).statusCode).toBe(201);
      const major = await isa.post(`/api/v1/orgs/acme/audits/${ref}/findings`, {
        ref: 'NC-01',
        grade: 'major',
        requirements: ['8.8', 'A.5.7'],
        statement: 'Technical vulnerabilities are not evaluated within a defined time.',
        ownerEmail: 'tom@acme.test',
      });
      expect(major.statusCode).toBe(201);
      return major.json().id;
    }

    it('creates an audit and derives each finding deadline from its policy', async () => {
      const audit = await isa.post('/api/v1/orgs/acme/audits', stage2);
      expect(audit.statusCode).toBe(201);
      const major = await isa.post('/api/v1/orgs/acme/audits/S2-2026/findings', {
        ref: 'NC-01',
        grade: 'major',
        requirements: ['8.8', 'A.5.7'],
        statement: 'Technical vulnerabilities are not evaluated within a defined time.',
        objectiveEvidence: 'Scanner report of 2026-02-10 shows 14 critical findings older than 90 days.',
        area: 'Vulnerability management',
        ownerEmail: 'tom@acme.test',
      });
      expect(major.statusCode).toBe(201);
      expect(major.json()).toMatchObject({
        requirements: ['A.8.8', 'A.5.7'],
        capDueOn: '2026-03-16',
        evidenceDueOn: '2026-04-01',
        closeByOn: '2026-05-01',
        status: 'open',
      });
      const bad = await isa.post('/api/v1/orgs/acme/audits/S2-2026/findings', {
        ref: 'NC-X',
        grade: 'minor',
        requirements: ['A.9.2.5', '8.1'],
        statement: 'x',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual([
        { path: 'body/requirements/0', message: 'A.9.2.5 is not an Annex A control of ISO/IEC 27001:2022' },
      ]);
      const patched = (
        await isa.patch(`/api/v1/orgs/acme/findings/${major.json().id}`, {
          statement: 'Vulnerabilities are not evaluated in time.',
        })
      ).json();
      expect(patched).toMatchObject({ area: 'Vulnerability management', owner: { email: 'tom@acme.test' } });
      const audit2 = (
        await isa.patch('/api/v1/orgs/acme/audits/S2-2026', { scope: 'Cloud platform' })
      ).json();
      expect(audit2).toMatchObject({
        leadAuditor: 'Claire Dubois',
        recommendation: 'recommended_upon_action_plan',
        reportReceivedOn: '2026-03-02',
      });
      const policy = (await isa.get('/api/v1/orgs/acme/deadline-policies'))
        .json()
        .find((p: { key: string }) => p.key === 'fast-14-30-60');
      const tighter = {
        ...policy.definition,
        grades: { ...policy.definition.grades, major: { capDays: 7, evidenceDays: 30, closeDays: 60 } },
      };
      expect(
        (
          await isa.put('/api/v1/orgs/acme/deadline-policies/fast-14-30-60', {
            name: policy.name,
            definition: tighter,
          })
        ).statusCode,
      ).toBe(200);
      expect((await isa.get(`/api/v1/orgs/acme/findings/${major.json().id}`)).json().capDueOn).toBe(
        '2026-03-09',
      );
      await isa.put('/api/v1/orgs/acme/deadline-policies/fast-14-30-60', {
        name: policy.name,
        definition: policy.definition,
      });
      const shown = (await isa.get('/api/v1/orgs/acme/audits/S2-2026')).json();
      expect(shown.impliedRecommendation).toMatchObject({ implied: 'not_recommended', atRisk: true });
      expect(shown.nextDeadline).toEqual({ kind: 'cap', on: '2026-03-16' });
    });

    it('walks correction, root cause, actions, evidence, verification, acceptance and closure', async () => {
      const id = await auditWithMajor('S2-WALK');
      const base = `/api/v1/orgs/acme/findings/${id}`;
      const tr = (c: Client, action: string, extra: Record<string, string> = {}) =>
        c.post(`${base}/transitions`, { action, ...extra });
      expect((await tr(tom, 'start_analysis')).json()).toEqual({ from: 'open', to: 'analysing' });
      const early = await tr(tom, 'submit_plan');
      expect(early.statusCode).toBe(409);
      expect(early.json().detail).toBe('record the correction first');
      expect(
        (
          await tom.patch(`${base}/record`, {
            correction: {
              what: 'Patched the 14 critical vulnerabilities',
              who: 'Tom Becker',
              on: '2026-03-05',
            },
            rootCause: {
              method: 'five_whys',
              whys: [
                { question: 'Why were patches late?', answer: 'No owner for the scanner results' },
                { question: 'Why no owner?', answer: 'The vulnerability process was never assigned' },
              ],
              statement: 'Vulnerability management had no accountable owner or SLA.',
            },
            expectedEffect: 'Critical vulnerabilities fixed within 14 days.',
            effectiveness: {
              criteria: 'Three consecutive monthly scans with no critical finding older than 14 days',
              reviewerEmail: 'ravi@acme.test',
            },
          })
        ).statusCode,
      ).toBe(204);
      const action = await tom.post(`${base}/actions`, {
        title: 'Define a patch SLA and assign the owner',
        ownerEmail: 'tom@acme.test',
        dueOn: '2026-03-20',
        effortDays: 2,
      });
      expect(action.statusCode).toBe(201);
      expect((await tr(tom, 'submit_plan')).json().to).toBe('plan_submitted');
      expect((await tr(tom, 'accept_plan')).statusCode).toBe(403);
      expect((await tr(isa, 'accept_plan')).json().code).toBe('forbidden');
      expect((await tr(ima, 'accept_plan')).json().code).toBe('validation_failed');
      expect((await tr(claire, 'accept_plan')).json().to).toBe('plan_accepted');
      expect((await tr(tom, 'start_implementation')).json().to).toBe('implementing');
      expect((await tom.patch(`${base}/actions/${action.json().id}`, { status: 'done' })).json().status).toBe(
        'done',
      );
      expect((await tr(tom, 'submit_evidence')).json().detail).toBe('attach at least one evidence file');
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const up = await upload(tom, `${base}/evidence`, 'patch-sla.pdf', pdf, {
        attachedTo: 'action',
        attachedId: action.json().id,
        description: 'Signed SLA',
      });
      expect(up.statusCode).toBe(201);
      expect(up.json()).toMatchObject({
        mediaType: 'application/pdf',
        fileName: 'patch-sla.pdf',
        sizeBytes: pdf.length,
      });
      const fake = await upload(
        tom,
        `${base}/evidence`,
        'evil.pdf',
        Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]),
      );
      expect(fake.statusCode).toBe(415);
      const download = await tom.get(`${base}/evidence/${up.json().id}`);
      expect(download.headers['content-disposition']).toMatch(/^attachment; filename="patch-sla.pdf"/);
      expect(download.rawPayload.equals(pdf)).toBe(true);
      expect((await tr(tom, 'submit_evidence')).json().to).toBe('evidence_submitted');
      // The implementer cannot verify his own work, even with the right role.
      await isa.patch(
        `/api/v1/orgs/acme/members/${(await isa.get('/api/v1/orgs/acme/members')).json().items.find((m: { email: string }) => m.email === 'tom@acme.test').id}`,
        { role: 'internal_auditor' },
      );
      expect((await tr(tom, 'verify_internally')).json().detail).toMatch(/must not have implemented/);
      // and the page does not offer it to him
      expect(
        (await tom.get(base)).json().availableActions.map((a: { action: string }) => a.action),
      ).not.toContain('verify_internally');
      expect(
        (await ravi.get(base)).json().availableActions.map((a: { action: string }) => a.action),
      ).toContain('verify_internally');
      expect(
        (await tr(ravi, 'verify_internally', { comment: 'Scans of March and April reviewed' })).json().to,
      ).toBe('verified_internally');
      expect((await tr(isa, 'close')).json().detail).toMatch(/acceptance first/);
      expect((await tr(claire, 'record_auditor_acceptance')).statusCode).toBe(200);
      // Criteria text alone no longer closes: the review of effectiveness (10.2 d) must be planned.
      expect((await tr(isa, 'close')).json().detail).toMatch(/review of effectiveness/);
      const plan = {
        criteria: 'Three monthly scans clean',
        dueOn: '2026-09-30',
        reviewerEmail: 'tom@acme.test',
      };
      const byImplementer = await isa.put(`${base}/effectiveness-review`, plan);
      expect(byImplementer.statusCode).toBe(400);
      expect(byImplementer.json().errors[0].path).toBe('body/reviewerEmail');
      expect(
        (await isa.put(`${base}/effectiveness-review`, { ...plan, reviewerEmail: 'ravi@acme.test' }))
          .statusCode,
      ).toBe(200);
      expect((await tr(isa, 'close')).json().to).toBe('closed');
      const closed = (await isa.get(base)).json();
      expect(closed.effectivenessReview.line).toBe('closed by CB — effectiveness review due 2026-09-30');
      expect(closed.effectiveness).toEqual({ dueOn: '2026-09-30', result: null, reviewedOn: null });
      const detail = (await isa.get(base)).json();
      expect(detail.status).toBe('closed');
      expect(detail.record.verification.by).toBe('ravi@acme.test');
      expect(detail.record.auditorDecision.by).toBe('claire@certa.test');
      expect(
        detail.timeline
          .filter((e: { kind: string }) => e.kind === 'transition')
          .map((e: { toStatus: string }) => e.toStatus),
      ).toEqual([
        'analysing',
        'plan_submitted',
        'plan_accepted',
        'implementing',
        'evidence_submitted',
        'verified_internally',
        'verified_internally',
        'closed',
      ]);
      expect((await isa.get('/api/v1/orgs/acme/audits/S2-WALK')).json().impliedRecommendation.implied).toBe(
        'recommended',
      );
      expect((await isa.get('/api/v1/orgs/acme/audit-log/verify')).json().ok).toBe(true);
    });

    it('flags two open minors on one requirement as a possible systemic major', async () => {
      expect((await isa.post('/api/v1/orgs/acme/audits', { ...stage2, ref: 'S2-MINORS' })).statusCode).toBe(
        201,
      );
      for (const ref of ['NC-02', 'NC-03']) {
        await isa.post('/api/v1/orgs/acme/audits/S2-MINORS/findings', {
          ref,
          grade: 'minor',
          requirements: ['A.5.15'],
          statement: `Access review gap ${ref}`,
        });
      }
      const minors = (await isa.get('/api/v1/orgs/acme/findings?grade=minor')).json().items;
      expect(minors[0].escalation[0]).toMatchObject({ kind: 'possible_systemic_major' });
      const settings = (await isa.get('/api/v1/orgs/acme/settings')).json();
      expect(
        (await isa.put('/api/v1/orgs/acme/settings', { ...settings, systemicMinorThreshold: 3 })).statusCode,
      ).toBe(200);
      expect((await isa.get('/api/v1/orgs/acme/findings?grade=minor')).json().items[0].escalation).toEqual(
        [],
      );
      const badMapping = await upload(
        isa,
        '/api/v1/orgs/acme/audits/S2-MINORS/import',
        'r.csv',
        Buffer.from('ref\r\n'),
        { mapping: '{not json' },
      );
      expect(badMapping.statusCode).toBe(400);
      expect(badMapping.json().errors).toEqual([{ path: 'body/mapping', message: 'invalid' }]);
      const ofi = await isa.post('/api/v1/orgs/acme/audits/S2-MINORS/findings', {
        ref: 'OFI-01',
        grade: 'ofi',
        requirements: ['A.5.36'],
        statement: 'Consider automating compliance checks',
      });
      expect(ofi.json()).toMatchObject({ capDueOn: null, status: 'open' });
      const decline = await isa.post(`/api/v1/orgs/acme/findings/${ofi.json().id}/transitions`, {
        action: 'decline_ofi',
      });
      expect(decline.statusCode).toBe(400);
      expect(
        (
          await isa.post(`/api/v1/orgs/acme/findings/${ofi.json().id}/transitions`, {
            action: 'decline_ofi',
            comment: 'Manual checks suffice at our size',
          })
        ).json().to,
      ).toBe('declined');
    });
  });
}
