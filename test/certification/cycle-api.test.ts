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
import { pdfText } from '../support/pdf-text.ts';

const certificate = {
  number: 'IS 712345',
  certificationBody: 'Certa Assurance',
  scope: 'Northwind cloud platform',
  issuedOn: '2027-01-31',
};

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`certification cycle through the API on ${kind}`, () => {
    let t: TestApp;
    let isa: Client; // administrator
    let ravi: Client; // internal auditor
    let tom: Client; // action owner
    let claire: Client; // external auditor
    let certId: string;
    beforeAll(async () => {
      t = await startTestApp(kind);
      isa = await setupAdmin(t, 'acme', 'isa@acme.test');
      ravi = await addMember(t, isa, 'acme', 'ravi@acme.test', 'internal_auditor');
      tom = await addMember(t, isa, 'acme', 'tom@acme.test', 'action_owner');
      claire = await addMember(t, isa, 'acme', 'claire@certa.test', 'external_auditor');
    });
    afterAll(async () => t?.close());

    it('records a certificate and plans two surveillance audits and the recertification', async () => {
      const res = await isa.post('/api/v1/orgs/acme/certificates', certificate);
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      certId = c.id;
      expect(c).toMatchObject({
        expiresOn: '2030-01-30',
        status: 'valid',
        standard: 'ISO/IEC 27001',
        edition: '2022',
      });
      expect(
        c.audits.map((a: { type: string; plannedOn: string; auditRef: string }) => [
          a.type,
          a.plannedOn,
          a.auditRef,
        ]),
      ).toEqual([
        ['surveillance', '2027-12-17', 'IS-712345-S1'],
        ['surveillance', '2028-12-15', 'IS-712345-S2'],
        ['recertification', '2029-10-18', 'IS-712345-RC'],
      ]);
      expect(c.audits[0].tasks.map((x: { dueOn: string }) => x.dueOn)).toContain('2027-11-02');
      expect(c.warnings).toEqual([]);
      // The planned audits are audits of the organisation, so their findings follow clause 10.2.
      const audit = (await isa.get('/api/v1/orgs/acme/audits/IS-712345-RC')).json();
      expect(audit).toMatchObject({
        type: 'recertification',
        startsOn: '2029-10-18',
        certificationBody: 'Certa Assurance',
      });
      expect((await isa.post('/api/v1/orgs/acme/certificates', certificate)).statusCode).toBe(409);
      expect(
        (await tom.post('/api/v1/orgs/acme/certificates', { ...certificate, number: 'X' })).statusCode,
      ).toBe(403);
    });

    it('warns when the recertification is moved too late for findings to close before expiry', async () => {
      const c = (await isa.get(`/api/v1/orgs/acme/certificates/${certId}`)).json();
      const recert = c.audits[2];
      const moved = await isa.patch(`/api/v1/orgs/acme/certificates/${certId}/audits/${recert.id}`, {
        plannedOn: '2030-01-10',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      // 2029 is then left without an audit (17021-1 9.6.2.2).
      expect(moved.json().warnings).toEqual([
        expect.objectContaining({ code: 'year_without_audit', message: expect.stringMatching(/2029/) }),
        expect.objectContaining({ code: 'outside_window', auditRef: 'IS-712345-RC' }),
        // cb-90 (the default): a major's correction and corrective action are verified within 90 days.
        expect.objectContaining({ code: 'closure_after_expiry', latestSafeAuditOn: '2029-11-01' }),
      ]);
      // its open preparation tasks moved with it
      expect(moved.json().audits[2].tasks.find((x: { key: string }) => x.key === 'documents').dueOn).toBe(
        '2029-12-27',
      );
      // Moving the audit itself on the audits page counts too.
      expect(
        (await isa.patch('/api/v1/orgs/acme/audits/IS-712345-RC', { startsOn: '2029-12-05' })).statusCode,
      ).toBe(200);
      const viaAudit = (await isa.get(`/api/v1/orgs/acme/certificates/${certId}`)).json();
      expect(viaAudit.audits[2].plannedOn).toBe('2029-12-05');
      expect(viaAudit.warnings.map((w: { code: string }) => w.code)).toEqual([
        'outside_window',
        'closure_after_expiry',
      ]);
      const back = await isa.patch(`/api/v1/orgs/acme/certificates/${certId}/audits/${recert.id}`, {
        plannedOn: '2029-10-18',
      });
      expect(back.json().warnings).toEqual([]);
    });

    it('gives the cycle calendar and the certification timeline', async () => {
      const events = (await ravi.get(`/api/v1/orgs/acme/certificates/${certId}/calendar`)).json();
      expect(events[0]).toMatchObject({ kind: 'certificate_issued', date: '2027-01-31' });
      expect(events.at(-1)).toMatchObject({ kind: 'certificate_expires', date: '2030-01-30' });
      expect(events.filter((e: { kind: string }) => e.kind === 'audit')).toHaveLength(3);
      const all = (await claire.get('/api/v1/orgs/acme/certification/calendar')).json();
      expect(all).toHaveLength(events.length);
      const timeline = (await isa.get('/api/v1/orgs/acme/certification/timeline')).json();
      expect(timeline.map((e: { kind: string }) => e.kind)).toContain('certificate_issued');
      expect(timeline.find((e: { auditRef: string }) => e.auditRef === 'IS-712345-S1')).toMatchObject({
        kind: 'external_audit',
        certificateNumber: 'IS 712345',
      });
    });

    it('plans an internal audit with an independent auditor and a generated checklist', async () => {
      const plan = {
        ref: 'IA-2027-01',
        area: 'Vulnerability management',
        auditorEmail: 'ravi@acme.test',
        auditeeEmail: 'tom@acme.test',
        plannedOn: '2027-06-01',
        requirements: ['9.2', 'A.8.8'],
        samplingNotes: '10 of 140 servers, picked from the CMDB by random number',
      };
      const own = await isa.post('/api/v1/orgs/acme/internal-audits', {
        ...plan,
        auditeeEmail: 'ravi@acme.test',
      });
      expect(own.statusCode).toBe(400);
      expect(own.json().detail).toMatch(/independent/);
      expect(
        (
          await isa.post('/api/v1/orgs/acme/internal-audits', {
            ...plan,
            auditorEmail: 'tom@acme.test',
            auditeeEmail: 'isa@acme.test',
          })
        ).statusCode,
      ).toBe(400);
      const res = await isa.post('/api/v1/orgs/acme/internal-audits', plan);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().checklist.map((i: { requirement: string }) => i.requirement)).toEqual([
        '9.2',
        'A.8.8',
      ]);
      expect(res.json()).toMatchObject({
        status: 'planned',
        auditor: { email: 'ravi@acme.test' },
        auditee: { email: 'tom@acme.test' },
      });
    });

    it('turns a nonconformity into a finding in one step, and verifies its corrective action independently', async () => {
      const base = '/api/v1/orgs/acme/internal-audits/IA-2027-01';
      const [clause, control] = (await ravi.get(base)).json().checklist;
      expect((await tom.patch(`${base}/checks/${control.id}`, { result: 'major' })).statusCode).toBe(403);
      expect((await ravi.patch(`${base}/checks/${control.id}`, { result: 'major' })).statusCode).toBe(400);
      const graded = await ravi.patch(`${base}/checks/${control.id}`, {
        result: 'major',
        evidence: '4 of 10 sampled servers miss patches older than 90 days',
        sampling: 'srv-03, srv-11, srv-27, srv-40',
      });
      expect(graded.json()).toMatchObject({
        status: 'in_progress',
        progress: { recorded: 1, nonconformities: 1 },
      });
      expect(
        (await ravi.post(`${base}/checks/${clause.id}/finding`, { ref: 'X', statement: 'x' })).statusCode,
      ).toBe(409);
      const raised = await ravi.post(`${base}/checks/${control.id}/finding`, {
        ref: 'IA-NC-01',
        statement: 'Technical vulnerabilities are not remediated within the defined time.',
        ownerEmail: 'tom@acme.test',
      });
      expect(raised.statusCode, raised.body).toBe(201);
      expect(
        (await ravi.post(`${base}/checks/${control.id}/finding`, { ref: 'IA-NC-02', statement: 'y' }))
          .statusCode,
      ).toBe(409);
      const findingId = raised.json().findingId;
      const finding = (await tom.get(`/api/v1/orgs/acme/findings/${findingId}`)).json();
      expect(finding).toMatchObject({
        auditRef: 'IA-2027-01',
        grade: 'major',
        requirements: ['A.8.8'],
        status: 'open',
      });
      expect(finding.objectiveEvidence).toMatch(/Sample: srv-03/);
      expect(finding.capDueOn).not.toBeNull();
      expect((await ravi.patch(`${base}/checks/${control.id}`, { result: 'minor' })).statusCode).toBe(409);
      const done = await ravi.patch(`${base}/checks/${clause.id}`, { result: 'conform' });
      expect(done.json().status).toBe('completed');
      // The next internal audit of the area re-checks A.8.8 even when planned for another scope.
      const next = await isa.post('/api/v1/orgs/acme/internal-audits', {
        ref: 'IA-2028-01',
        area: 'vulnerability management',
        auditorEmail: 'ravi@acme.test',
        auditeeEmail: 'tom@acme.test',
        plannedOn: '2028-06-01',
        requirements: ['A.5.15'],
      });
      expect(
        next
          .json()
          .checklist.map((i: { requirement: string; followUp: string[] }) => [i.requirement, i.followUp]),
      ).toEqual([
        ['A.5.15', []],
        ['A.8.8', ['IA-2027-01/IA-NC-01 (major, open)']],
      ]);

      // clause 10.2 by the action owner; the organisation (ISMS manager or admin) accepts the plan of an
      // internal-audit nonconformity: no certification body step exists (#13)
      const f = `/api/v1/orgs/acme/findings/${findingId}`;
      const go = async (c: Client, action: string, extra: object = {}) => {
        const r = await c.post(`${f}/transitions`, { action, ...extra });
        expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
      };
      await go(tom, 'start_analysis');
      await tom.patch(`${f}/record`, {
        correction: { what: 'Patched the four servers', who: 'tom', on: '2027-06-05' },
        rootCause: { statement: 'No owner for the patch backlog' },
        effectiveness: { criteria: 'No critical patch older than 30 days on any server for two months' },
      });
      const action = (
        await tom.post(`${f}/actions`, {
          title: 'Weekly patch review',
          ownerEmail: 'tom@acme.test',
          dueOn: '2027-07-31',
        })
      ).json();
      await go(tom, 'submit_plan');
      expect((await claire.post(`${f}/transitions`, { action: 'accept_plan' })).statusCode).toBe(403);
      await go(isa, 'accept_plan');
      await go(tom, 'start_implementation');
      await tom.patch(`${f}/actions/${action.id}`, { status: 'done' });
      const ev = (
        await upload(
          tom,
          `${f}/evidence`,
          'patch-report.txt',
          Buffer.from('0 critical patches older than 30 days'),
        )
      ).json();
      await go(tom, 'submit_evidence');

      const pendingForRavi = (await ravi.get('/api/v1/orgs/acme/internal-audits/verifications')).json();
      expect(pendingForRavi).toEqual([
        expect.objectContaining({
          ref: 'IA-NC-01',
          mayVerify: true,
          implementers: ['tom@acme.test'],
          criteria: expect.stringMatching(/30 days/),
        }),
      ]);
      expect((await tom.get('/api/v1/orgs/acme/internal-audits/verifications')).json()[0].mayVerify).toBe(
        false,
      );
      const notMet = await ravi.post(`${f}/transitions`, {
        action: 'verify_internally',
        comment: 'c',
        verification: { criteriaMet: false },
      });
      expect(notMet.statusCode).toBe(400);
      const foreign = await ravi.post(`${f}/transitions`, {
        action: 'verify_internally',
        comment: 'c',
        verification: { criteriaMet: true, evidenceIds: ['nope'] },
      });
      expect(foreign.statusCode).toBe(400);
      await go(ravi, 'verify_internally', {
        comment: 'Checked two months of patch reports',
        verification: { criteriaMet: true, evidenceIds: [ev.id] },
      });
      const detail = (await isa.get(f)).json();
      expect(detail.record.verification).toMatchObject({
        by: 'ravi@acme.test',
        criteriaMet: true,
        criteria: expect.stringMatching(/30 days/),
        evidence: [{ fileName: 'patch-report.txt', sha256: ev.sha256 }],
      });

      const report = (
        await claire.get('/api/v1/orgs/acme/reports/evidence?audit=IA-2027-01&format=json')
      ).json();
      // The Evidence of Correction (#14): who verified and the verdict, the criteria, the files examined
      // by name, and each file's full SHA-256 in the evidence table.
      type Item = { label: string; value: string };
      const items: Item[] = report.blocks.flatMap((b: { kind: string; items?: Item[] }) =>
        b.kind === 'keyValue' ? (b.items ?? []) : [],
      );
      const value = (label: string) => items.find((i) => i.label === label)?.value;
      expect(value('Internal verification (9.2)')).toMatch(
        /^ravi \(Internal auditor\), \d{4}-\d{2}-\d{2}: criteria met$/,
      );
      expect(value('Criteria checked')).toMatch(/30 days/);
      expect(value('Evidence examined')).toBe('patch-report.txt');
      const hashes = report.blocks.find((b: { caption?: string }) => b.caption === 'Evidence SHA-256');
      expect(hashes.rows).toEqual([{ file: 'patch-report.txt', sha256: ev.sha256 }]);
      const pdf = await claire.get('/api/v1/orgs/acme/reports/evidence?audit=IA-2027-01&format=pdf');
      expect(await pdfText(pdf.rawPayload)).toMatch(/Internal verification \(9\.2\)[\s\S]*criteria met/);
    }, 30_000); // a whole cycle and a PDF: more than the default 5 s on a loaded machine

    it('measures programme coverage and lists what recertification readiness needs', async () => {
      const p = (
        await ravi.get('/api/v1/orgs/acme/internal-audits/programme?from=2020-01-01&to=2040-12-31')
      ).json();
      // 9.2 covers its sub-clauses 9.2.1 and 9.2.2; A.8.8 itself
      expect(p.covered).toBe(3);
      expect(p.total).toBeGreaterThan(93);
      expect(p.gaps.map((g: { ref: string }) => g.ref)).not.toContain('A.8.8');
      expect(p.gaps.map((g: { ref: string }) => g.ref)).toContain('A.5.1');
      expect(p.audits.map((a: { ref: string; status: string }) => [a.ref, a.status])).toEqual([
        ['IA-2028-01', 'planned'],
        ['IA-2027-01', 'completed'],
      ]);
      const r = (await isa.get(`/api/v1/orgs/acme/certificates/${certId}/readiness`)).json();
      expect(r.recertificationOn).toBe('2029-10-18');
      expect(r.sections.map((s: { key: string }) => s.key)).toEqual([
        'open_findings',
        'ofis',
        'coverage_gaps',
        'findings_since',
        'isms_changes',
      ]);
      expect(r.sections[0].items.map((i: { label: string }) => i.label)).toEqual(['IA-2027-01/IA-NC-01']);
      expect(r.sections[4].available).toBe(false);
    });

    it('records a management review with gathered inputs and exports its minutes', async () => {
      const created = await isa.post('/api/v1/orgs/acme/management-reviews', {
        ref: 'MR-2027',
        heldOn: '2027-07-01',
        chair: 'Ada Admin',
      });
      expect(created.statusCode, created.body).toBe(201);
      const review = created.json();
      expect(review.inputs.find((s: { key: string }) => s.key === 'nonconformities').lines[0]).toMatch(
        /1 nonconformities recorded \(1 major/,
      );
      expect(review.inputs.find((s: { key: string }) => s.key === 'audit_results').lines[0]).toMatch(
        /1 conform, 1 major/,
      );
      expect(review.inputs.find((s: { key: string }) => s.key === 'risks').available).toBe(false);
      const updated = await isa.patch(`/api/v1/orgs/acme/management-reviews/${review.id}`, {
        decisions: [
          {
            topic: 'Patch management',
            decision: 'Fund a patch automation tool',
            owner: 'tom@acme.test',
            dueOn: '2027-09-30',
          },
        ],
      });
      expect(updated.json().decisions).toHaveLength(1);
      expect(updated.json().inputs).toEqual(review.inputs);
      const pdf = await ravi.get(`/api/v1/orgs/acme/management-reviews/${review.id}/minutes`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.rawPayload);
      expect(text).toMatch(/Fund a patch automation tool/);
      expect(text).toMatch(/9\.3\.2 d 3/);
      const next = (
        await isa.post('/api/v1/orgs/acme/management-reviews', {
          ref: 'MR-2028',
          heldOn: '2028-07-01',
          chair: 'Ada',
        })
      ).json();
      expect(next.inputs[0].lines[0]).toMatch(/Patch management: Fund a patch automation tool/);
      expect(
        (
          await tom.post('/api/v1/orgs/acme/management-reviews', {
            ref: 'x',
            heldOn: '2028-07-01',
            chair: 'x',
          })
        ).statusCode,
      ).toBe(403);
    });
  });
}
