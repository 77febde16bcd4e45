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

// The organisation's own controls beside Annex A (ISO/IEC 27001:2022 6.1.3 b NOTE 1) are planned and
// covered by the internal audit programme (9.2.2) like Annex A controls. Regression (issue #13): the
// programme listed only the 93 Annex A controls, so an own control was never "not yet audited".

const org = '/api/v1/orgs/acme';
const soa = `${org}/soa`;
const own = (controlId: string, title: string, status = 'partial') => ({
  controlId,
  title,
  reasons: ['contractual'],
  status,
  owner: 'Isa',
});
const refs = (xs: { ref: string }[]) => xs.map((x) => x.ref);

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`own controls in the internal audit programme on ${kind}`, () => {
    let t: TestApp;
    let isa: Client;
    let ravi: Client; // internal auditor
    beforeAll(async () => {
      t = await startTestApp(kind);
      isa = await setupAdmin(t, 'acme', 'isa@acme.test');
      ravi = await addMember(t, isa, 'acme', 'ravi@acme.test', 'internal_auditor');
      await addMember(t, isa, 'acme', 'tom@acme.test', 'action_owner');
      expect((await isa.post(`${soa}/versions`, { changeNote: 'first' })).statusCode).toBe(201);
      for (const c of [
        own('ORG-1', 'Certificate of deletion of customer data at contract end'),
        own('ORG-2', 'Quarterly access review of the payment HSMs'),
        own('ORG-3', 'Retired vendor questionnaire'),
      ])
        expect((await isa.post(`${soa}/versions/1/other-controls`, c)).statusCode).toBe(201);
      // ORG-3 is listed but excluded: not applicable, so not in the programme.
      const excluded = await isa.patch(`${soa}/versions/1/controls/ORG-3`, {
        applicable: false,
        status: 'not_started',
        justification: 'The vendor left; nothing to question',
      });
      expect(excluded.statusCode, excluded.body).toBe(200);
    });
    afterAll(async () => t?.close());

    const programme = async () =>
      (await ravi.get(`${org}/internal-audits/programme?from=2020-01-01&to=2040-12-31`)).json();

    it('lists the applicable own controls as not yet audited, counted in the total', async () => {
      const p = await programme();
      const gaps = p.gaps.filter((g: { kind: string }) => g.kind === 'own_control');
      expect(gaps).toEqual([
        {
          ref: 'ORG-1',
          kind: 'own_control',
          title: 'Certificate of deletion of customer data at contract end',
        },
        { ref: 'ORG-2', kind: 'own_control', title: 'Quarterly access review of the payment HSMs' },
      ]);
      expect(refs(p.items)).not.toContain('ORG-3');
      const annex = p.items.filter((i: { kind: string }) => i.kind === 'annex_a').length;
      const clauses = p.items.filter((i: { kind: string }) => i.kind === 'clause').length;
      expect(annex).toBe(93);
      expect(p.total).toBe(clauses + annex + 2);
      expect(p.basis).toContain("the organisation's own");
    });

    it('plans an own control in an internal audit, and refuses one the SoA does not apply', async () => {
      const plan = {
        ref: 'IA-OWN-01',
        area: 'Customer offboarding',
        auditorEmail: 'ravi@acme.test',
        auditeeEmail: 'tom@acme.test',
        plannedOn: '2027-03-01',
        requirements: ['A.8.10', 'ORG-1'],
      };
      for (const [requirements, message] of [
        [['A.8.10', 'ORG-9'], 'not an applicable control'],
        [['ORG-3'], 'not an applicable control'],
        [['A.8.10', 'A.ORG-1'], ''],
      ] as const) {
        const refused = await isa.post(`${org}/internal-audits`, { ...plan, requirements });
        expect(refused.statusCode, refused.body).toBe(400);
        expect(refused.json().errors).toEqual([
          expect.objectContaining({ path: `body/requirements/${requirements.length - 1}` }),
        ]);
        expect(refused.json().detail).toContain(message);
      }
      const res = await isa.post(`${org}/internal-audits`, plan);
      expect(res.statusCode, res.body).toBe(201);
      const ownItem = res.json().checklist.find((c: { requirement: string }) => c.requirement === 'ORG-1');
      expect(ownItem).toMatchObject({
        kind: 'own_control',
        title: 'Certificate of deletion of customer data at contract end',
      });
      expect(ownItem.question).toContain('own control');
    });

    it('covers an own control once a result is recorded, and raises a finding against it', async () => {
      const base = `${org}/internal-audits/IA-OWN-01`;
      const checks = (await ravi.get(base)).json().checklist;
      const ownCheck = checks.find((c: { requirement: string }) => c.requirement === 'ORG-1');
      const graded = await ravi.patch(`${base}/checks/${ownCheck.id}`, {
        result: 'minor',
        evidence: '2 of 5 sampled terminated contracts have no deletion certificate',
      });
      expect(graded.statusCode, graded.body).toBe(200);
      const raised = await ravi.post(`${base}/checks/${ownCheck.id}/finding`, {
        ref: 'IA-OWN-NC-01',
        statement: 'Deletion certificates are not issued at contract end.',
      });
      expect(raised.statusCode, raised.body).toBe(201);
      const finding = (await isa.get(`${org}/findings/${raised.json().findingId}`)).json();
      expect(finding.requirements).toEqual(['ORG-1']);
      const p = await programme();
      expect(refs(p.gaps)).not.toContain('ORG-1');
      expect(refs(p.gaps)).toContain('ORG-2');
      expect(p.items.find((i: { ref: string }) => i.ref === 'ORG-1')).toMatchObject({
        timesAudited: 1,
        lastResult: 'minor',
      });
      // The SoA line shows the finding raised against it, as it does for an Annex A control.
      const v = (await isa.get(`${soa}/versions/1`)).json();
      expect(v.entries.find((e: { controlId: string }) => e.controlId === 'ORG-1').findings).toEqual([
        'IA-OWN-01/IA-OWN-NC-01',
      ]);
    });
    it('lets a finding of any audit cite an own control of the SoA by its id, and no other', async () => {
      const audit = await isa.post(`${org}/audits`, {
        ref: 'S1-2027',
        type: 'surveillance',
        certificationBody: 'Certa',
        reportReceivedOn: '2027-02-01',
      });
      expect(audit.statusCode, audit.body).toBe(201);
      const nc = { ref: 'NC-01', grade: 'minor', statement: 'HSM access not reviewed for two quarters.' };
      const unknown = await isa.post(`${org}/audits/S1-2027/findings`, { ...nc, requirements: ['ORG-9'] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([
        {
          path: 'body/requirements/0',
          message: 'ORG-9 is not a control of the Statement of Applicability in force',
        },
      ]);
      const raised = await isa.post(`${org}/audits/S1-2027/findings`, { ...nc, requirements: ['ORG-2'] });
      expect(raised.statusCode, raised.body).toBe(201);
      expect(raised.json().requirements).toEqual(['ORG-2']);
      const edited = await isa.patch(`${org}/findings/${raised.json().id}`, {
        requirements: ['ORG-2', 'a.8.2'],
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().requirements).toEqual(['ORG-2', 'A.8.2']);
    });

    it('an imported report cites an own control of the SoA by its id; another own id names its row', async () => {
      expect(
        (await isa.post(`${org}/audits`, { ref: 'IA-IMP', type: 'internal', certificationBody: 'Internal' }))
          .statusCode,
      ).toBe(201);
      const csv = (req: string) =>
        Buffer.from(`ref,grade,requirement,statement\r\nNC-IMP-1,minor,${req},HSM access review skipped\r\n`);
      const refused = await upload(isa, `${org}/audits/IA-IMP/import`, 'r.csv', csv('ORG-9'));
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].path).toBe('row 2, column requirement');
      const done = await upload(isa, `${org}/audits/IA-IMP/import`, 'r.csv', csv('"ORG-2; A.8.2"'));
      expect(done.statusCode, done.body).toBe(200);
      const listed = (await isa.get(`${org}/findings?requirement=ORG-2`)).json().items;
      expect(listed.find((f: { ref: string }) => f.ref === 'NC-IMP-1').requirements).toEqual([
        'ORG-2',
        'A.8.2',
      ]);
    });
  });
}
