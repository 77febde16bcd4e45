import ExcelJS from 'exceljs';
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

// Issue #13/#14: an internal-audit nonconformity is closed by the organisation under 10.2 (no CB step,
// no implied CB recommendation, the ISMS manager's acceptance printed as the organisation's decision);
// the review of effectiveness (10.2 d) is its own record, and "not effective" reopens the corrective
// action for a new cause analysis. The reports are read back as rendered (PDF and XLSX).

async function workbookText(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) => {
      row.eachCell((c) => {
        out.push(c.text);
      });
    });
  });
  return out.join('\n');
}
const squash = (s: string) => s.replace(/\s+/g, ' ');

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`nonconformity handling by audit type on ${kind}`, () => {
    let t: TestApp;
    let isa: Client; // administrator
    let tom: Client; // action owner, the implementer
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

    /** A minor of a new audit taken to verified_internally by its owner and the internal auditor. */
    async function verifiedNc(
      audit: Record<string, string> & { ref: string },
      accept: Client,
      grade = 'minor',
    ) {
      expect((await isa.post('/api/v1/orgs/acme/audits', audit)).statusCode).toBe(201);
      const f = (
        await isa.post(`/api/v1/orgs/acme/audits/${audit.ref}/findings`, {
          ref: 'NC-1',
          grade,
          requirements: ['A.8.8'],
          statement: 'Patches are late on three laptops.',
          ownerEmail: 'tom@acme.test',
        })
      ).json();
      const base = `/api/v1/orgs/acme/findings/${f.id}`;
      const go = async (c: Client, action: string, extra: object = {}) => {
        const r = await c.post(`${base}/transitions`, { action, ...extra });
        expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
      };
      await go(tom, 'start_analysis');
      await tom.patch(`${base}/record`, {
        correction: { what: 'Patched the three laptops', who: 'Tom', on: '2026-02-27' },
        rootCause: { statement: 'No report of missed deployments.' },
        effectiveness: { criteria: 'Two monthly compliance reports at 100 %' },
      });
      const a = (
        await tom.post(`${base}/actions`, {
          title: 'Weekly missed-deployment report',
          ownerEmail: 'tom@acme.test',
          dueOn: '2026-03-31',
        })
      ).json();
      await go(tom, 'submit_plan');
      await go(accept, 'accept_plan');
      await go(tom, 'start_implementation');
      await tom.patch(`${base}/actions/${a.id}`, { status: 'done' });
      const ev = (
        await upload(tom, `${base}/evidence`, 'report.csv', Buffer.from('device,days\nLT-1,5\n'))
      ).json();
      await go(tom, 'submit_evidence');
      await go(ravi, 'verify_internally', {
        comment: 'Compared with the asset register',
        verification: { criteriaMet: true, evidenceIds: [ev.id] },
      });
      return { id: f.id as string, base, go, evidenceId: ev.id as string };
    }

    it('closes an internal-audit nonconformity by the organisation, on an effective review, with no CB step', async () => {
      const nc = await verifiedNc(
        { ref: 'IA-1', type: 'internal', certificationBody: 'Internal audit', endsOn: '2026-02-28' },
        ima,
      );
      const detail = (await isa.get(nc.base)).json();
      expect(detail.closer).toBe('organisation');
      const offered = detail.availableActions.map((a: { action: string }) => a.action);
      expect(offered).not.toContain('record_auditor_acceptance');
      expect(offered).not.toContain('reject_evidence');
      // The certification body has no say: its auditor may not accept evidence or close.
      const cb = await claire.post(`${nc.base}/transitions`, { action: 'record_auditor_acceptance' });
      expect(cb.statusCode).toBe(409);
      expect(cb.json().detail).toMatch(/no certification body step/);
      // Criteria alone do not close: an effective review (10.2 d) does.
      const early = await isa.post(`${nc.base}/transitions`, { action: 'close' });
      expect(early.json().detail).toMatch(/effective review of effectiveness/);
      const plan = { criteria: 'Two monthly compliance reports at 100 %', dueOn: '2026-04-30' };
      const byImplementer = await ima.put(`${nc.base}/effectiveness-review`, {
        ...plan,
        reviewerEmail: 'tom@acme.test',
      });
      expect(byImplementer.statusCode).toBe(400);
      expect(byImplementer.json().errors[0].path).toBe('body/reviewerEmail');
      expect(
        (await ima.put(`${nc.base}/effectiveness-review`, { ...plan, reviewerEmail: 'ravi@acme.test' }))
          .statusCode,
      ).toBe(200);
      // The implementer may not record the result, nor may anyone date it in the future.
      expect(
        (await tom.post(`${nc.base}/effectiveness-review/result`, { result: 'effective' })).statusCode,
      ).toBe(403);
      const future = await ravi.post(`${nc.base}/effectiveness-review/result`, {
        result: 'effective',
        reviewedOn: '2099-12-31',
        evidenceIds: [nc.evidenceId],
      });
      expect(future.statusCode).toBe(400);
      const noEvidence = await ravi.post(`${nc.base}/effectiveness-review/result`, { result: 'effective' });
      expect(noEvidence.json().errors[0].path).toBe('body/evidenceIds');
      const done = await ravi.post(`${nc.base}/effectiveness-review/result`, {
        result: 'effective',
        reviewedOn: '2026-02-28',
        evidenceIds: [nc.evidenceId],
        notes: 'Two reports at 100 %',
      });
      expect(done.statusCode, done.body).toBe(200);
      await nc.go(ima, 'close');
      const closed = (await isa.get(nc.base)).json();
      expect(closed.status).toBe('closed');
      expect(closed.effectiveness).toEqual({
        dueOn: '2026-04-30',
        result: 'effective',
        reviewedOn: '2026-02-28',
      });
      const listed = (await isa.get('/api/v1/orgs/acme/findings?audit=IA-1')).json().items;
      expect(listed.find((f: { id: string }) => f.id === nc.id).effectiveness.result).toBe('effective');
      // No implied CB recommendation, and nothing blocks certification.
      const audit = (await isa.get('/api/v1/orgs/acme/audits/IA-1')).json();
      expect(audit).toMatchObject({ closer: 'organisation', impliedRecommendation: null, risks: [] });

      // Evidence of Correction, as rendered: the review record, and the organisation's decision.
      const url = '/api/v1/orgs/acme/reports/evidence?audit=IA-1&format=';
      const pdf = squash(await pdfText((await isa.get(`${url}pdf`)).rawPayload));
      const xlsx = squash(await workbookText((await isa.get(`${url}xlsx`)).rawPayload));
      for (const text of [pdf, xlsx]) {
        expect(text).toContain("Organisation's decisions (10.2)");
        expect(text).not.toMatch(/certification body/i);
        expect(text).toMatch(/Effective — reviewed by ravi \(Internal auditor\) on 2026-02-28/);
        expect(text).toContain('report.csv');
        expect(text).not.toContain('Effectiveness criteria');
      }
    }, 60_000);

    it('shows "closed by CB — effectiveness review due D"; not effective reopens and flags the finding', async () => {
      const nc = await verifiedNc(
        { ref: 'S2-1', type: 'stage2', certificationBody: 'Certa', endsOn: '2028-02-29', policyKey: 'cb-90' },
        claire,
        'major',
      );
      const s2 = (await isa.get('/api/v1/orgs/acme/audits/S2-1')).json();
      // A stage 2 major not verified 6 months after the last day (leap day → 29 August) repeats stage 2.
      expect(s2.risks).toEqual([
        expect.objectContaining({ kind: 'repeat_stage2', on: '2028-08-29', findings: ['NC-1'] }),
      ]);
      await nc.go(claire, 'record_auditor_acceptance');
      await ima.put(`${nc.base}/effectiveness-review`, {
        criteria: 'Two monthly reports',
        dueOn: '2028-12-31',
        reviewerEmail: 'ravi@acme.test',
      });
      await nc.go(isa, 'close');
      const closed = (await isa.get(nc.base)).json();
      expect(closed.effectivenessReview.line).toBe('closed by CB — effectiveness review due 2028-12-31');
      const url = '/api/v1/orgs/acme/reports/evidence?audit=S2-1&format=pdf';
      const before = squash(await pdfText((await isa.get(url)).rawPayload));
      expect(before).toContain("Certification body's decisions");
      expect(before).toContain(
        'Planned: due on 2028-12-31, reviewer ravi (Internal auditor) (not reviewed yet)',
      );

      const r = await ravi.post(`${nc.base}/effectiveness-review/result`, {
        result: 'not_effective',
        notes: 'Two laptops missed the July update again.',
      });
      expect(r.statusCode, r.body).toBe(200);
      const reopened = (await isa.get(nc.base)).json();
      expect(reopened.status).toBe('analysing');
      expect(reopened.escalation.map((e: { message: string }) => e.message).join(' ')).toMatch(
        /not effective/,
      );
      expect(reopened.effectiveness.result).toBe('not_effective');
      const after = squash(await pdfText((await isa.get(url)).rawPayload));
      expect(after).toMatch(/Not effective — reviewed by ravi \(Internal auditor\)/);
    }, 60_000);
  });
}
