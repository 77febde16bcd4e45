import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasKind, kinds } from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';
import {
  plansInternalAudit,
  raisesNonconformityAndVerifies,
  recordsCertificate,
  reportsTheVerification,
  type Scene,
  scene,
} from './cycle-steps.ts';

async function warnsWhenMovedLate(s: Scene, certId: string) {
  const { isa } = s;
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
    expect.objectContaining({ code: 'closure_after_expiry', latestSafeAuditOn: '2029-12-01' }),
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
}

async function givesCalendarAndTimeline(s: Scene, certId: string) {
  const { isa, ravi, claire } = s;
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
}

async function measuresCoverageAndReadiness(s: Scene, certId: string) {
  const { isa, ravi } = s;
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
}

async function recordsManagementReview(s: Scene) {
  const { isa, ravi, tom } = s;
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
}

// A whole corrective-action cycle of the internal audit's finding (and what follows it): seconds under load.
const CHAIN_TIMEOUT = 60_000;

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`certification cycle through the API on ${kind}`, () => {
    let s: Scene;
    beforeEach(async () => {
      s = await scene(kind);
    });
    afterEach(async () => s?.t.close());

    it('records a certificate and plans two surveillance audits and the recertification', () =>
      recordsCertificate(s));
    it('warns when the recertification is moved too late for findings to close before expiry', async () =>
      warnsWhenMovedLate(s, await recordsCertificate(s)));
    it('gives the cycle calendar and the certification timeline', async () =>
      givesCalendarAndTimeline(s, await recordsCertificate(s)));
    it('plans an internal audit with an independent auditor and a generated checklist', () =>
      plansInternalAudit(s));
    it(
      'turns a nonconformity into a finding in one step, and verifies its corrective action independently',
      async () => {
        await plansInternalAudit(s);
        await reportsTheVerification(s, await raisesNonconformityAndVerifies(s));
      },
      CHAIN_TIMEOUT,
    );
    it(
      'measures programme coverage and lists what recertification readiness needs',
      async () => {
        const certId = await recordsCertificate(s);
        await plansInternalAudit(s);
        await raisesNonconformityAndVerifies(s);
        await measuresCoverageAndReadiness(s, certId);
      },
      CHAIN_TIMEOUT,
    );
    it(
      'records a management review with gathered inputs and exports its minutes',
      async () => {
        await recordsCertificate(s);
        await plansInternalAudit(s);
        await raisesNonconformityAndVerifies(s);
        await recordsManagementReview(s);
      },
      CHAIN_TIMEOUT,
    );
  });
}
