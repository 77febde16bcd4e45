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

// Certificates follow the certification rules (issue #13): no decision on a stage 2 audit while a major
// is unverified or a minor has no accepted plan (ISO/IEC 17021-1 9.5), an admin's historical record with
// its reason, renewal and restoration (9.6.3), suspension limits (9.6.5), the 2013 edition lapse.

const certs = '/api/v1/orgs/acme/certificates';
const cert = (number: string, extra: Record<string, unknown> = {}) => ({
  number,
  certificationBody: 'Certa Assurance',
  scope: 'Cloud platform',
  issuedOn: '2027-01-31',
  ...extra,
});

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`certification decisions on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let ima: Client; // ISMS manager
    let tom: Client; // action owner
    let claire: Client; // external auditor
    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'admin@acme.test');
      ima = await addMember(t, admin, 'acme', 'ima@acme.test', 'isms_manager');
      tom = await addMember(t, admin, 'acme', 'tom@acme.test', 'action_owner');
      claire = await addMember(t, admin, 'acme', 'claire@certa.test', 'external_auditor');
      const audit = await admin.post('/api/v1/orgs/acme/audits', {
        ref: 'S2-2027',
        type: 'stage2',
        certificationBody: 'Certa Assurance',
        startsOn: '2027-01-10',
        endsOn: '2027-01-12',
        reportReceivedOn: '2027-01-15',
        policyKey: 'fast-14-30-60',
      });
      expect(audit.statusCode, audit.body).toBe(201);
      for (const [ref, grade] of [
        ['NC-01', 'major'],
        ['NC-02', 'minor'],
        ['OFI-01', 'ofi'],
      ] as const)
        expect(
          (
            await admin.post('/api/v1/orgs/acme/audits/S2-2027/findings', {
              ref,
              grade,
              requirements: ['A.8.8'],
              statement: `${ref} statement`,
              ownerEmail: 'tom@acme.test',
            })
          ).statusCode,
        ).toBe(201);
    });
    afterAll(async () => t?.close());

    it('refuses a certificate on a stage 2 audit with an unverified major and a planless minor, naming them', async () => {
      const res = await ima.post(certs, cert('C-1', { auditRef: 'S2-2027', decidedOn: '2027-01-31' }));
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('invalid_state');
      expect(res.json().detail).toMatch(/major NC-01 is not verified.*minor NC-02 has no accepted/);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
        'findings/NC-01',
        'findings/NC-02',
      ]);
      expect((await ima.get(certs)).json().total).toBe(0);
      const internal = await admin.post('/api/v1/orgs/acme/audits', {
        ref: 'IA-1',
        type: 'internal',
        certificationBody: 'Internal',
        policyKey: 'fast-14-30-60',
      });
      expect(internal.statusCode, internal.body).toBe(201);
      const wrongType = await ima.post(certs, cert('C-1', { auditRef: 'IA-1' }));
      expect(wrongType.statusCode).toBe(400);
      expect(wrongType.json().detail).toMatch(/stage 2 or recertification/);
      const early = await admin.post(certs, cert('C-1', { auditRef: 'S2-2027', issuedOn: '2027-01-11' }));
      expect(early.statusCode).toBe(400);
    });

    it('lets only an admin record a historical certificate, with its reason kept and shown', async () => {
      const reason = 'Decided by Certa in 2027 before closeloop was used; majors verified on paper.';
      const body = cert('C-H', { auditRef: 'S2-2027', historicalReason: reason });
      expect((await ima.post(certs, body)).statusCode).toBe(403);
      const res = await admin.post(certs, body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        historicalReason: reason,
        auditRef: 'S2-2027',
        decidedOn: '2027-01-31',
      });
      const trail = (await admin.get('/api/v1/orgs/acme/audit-log?action=certificate.add')).json();
      expect(JSON.stringify(trail.items)).toContain(reason);
    });

    it('records the certificate once every minor has an accepted plan and no major is open', async () => {
      const list = (await admin.get('/api/v1/orgs/acme/findings?audit=S2-2027')).json().items;
      const minor = list.find((f: { ref: string }) => f.ref === 'NC-02');
      const base = `/api/v1/orgs/acme/findings/${minor.id}`;
      const tr = (c: Client, action: string) => c.post(`${base}/transitions`, { action });
      expect((await tr(tom, 'start_analysis')).statusCode).toBe(200);
      expect(
        (
          await tom.patch(`${base}/record`, {
            correction: { what: 'Patched', who: 'Tom', on: '2027-01-20' },
            rootCause: {
              method: 'five_whys',
              whys: [{ question: 'Why?', answer: 'No owner' }],
              statement: 'No owner',
            },
          })
        ).statusCode,
      ).toBe(204);
      expect(
        (
          await tom.post(`${base}/actions`, {
            title: 'Assign an owner',
            ownerEmail: 'tom@acme.test',
            dueOn: '2027-03-31',
          })
        ).statusCode,
      ).toBe(201);
      const sp = await tr(tom, 'submit_plan');
      expect(sp.statusCode, sp.body).toBe(200);
      expect((await tr(claire, 'accept_plan')).statusCode).toBe(200);
      // Still refused: the major is not verified by the certification body.
      const refused = await ima.post(certs, cert('C-1', { auditRef: 'S2-2027' }));
      expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['findings/NC-01']);
      // A stage 2 audit with no open nonconformity: recorded, anchored on the decision date.
      await admin.post('/api/v1/orgs/acme/audits', {
        ref: 'S2-CLEAN',
        type: 'stage2',
        certificationBody: 'Certa Assurance',
        startsOn: '2027-01-03',
        endsOn: '2027-01-04',
        policyKey: 'fast-14-30-60',
      });
      const ok = await ima.post(
        certs,
        cert('C-1', {
          auditRef: 'S2-CLEAN',
          decidedOn: '2027-01-05',
          issuedOn: '2027-01-20',
          edition: '2022-amd1',
        }),
      );
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({
        decidedOn: '2027-01-05',
        expiresOn: '2030-01-04',
        edition: '2022-amd1',
        auditRef: 'S2-CLEAN',
        historicalReason: '',
        soaVersion: null,
      });
      // One audit in 2027 and 2028, the recertification in 2029 (17021-1 9.6.2.2).
      const audits = ok.json().audits as { type: string; windowStart: string; windowEnd: string }[];
      expect(audits.map((a) => `${a.type} ${a.windowStart.slice(0, 4)} ${a.windowEnd.slice(0, 4)}`)).toEqual([
        'surveillance 2027 2027',
        'surveillance 2028 2028',
        'recertification 2029 2029',
      ]);
      expect(ok.json().warnings).toEqual([]);
    });

    it('warns on a calendar year without an audit and a late first surveillance (regression)', async () => {
      const c = (await admin.get(certs)).json().items.find((x: { number: string }) => x.number === 'C-1');
      const [s1, s2] = c.audits;
      const move = (id: string, plannedOn: string) =>
        admin.patch(`${certs}/${c.id}/audits/${id}`, { plannedOn });
      // Before: 2027-10-05 and 2029-01-04 sat inside their windows and nothing said 2028 had no audit.
      const gap = (await move(s2.id, '2029-01-04')).json();
      const year = gap.warnings.find((w: { code: string }) => w.code === 'year_without_audit');
      expect(year.message).toMatch(/no audit in 2028/);
      const moved = (await move(s1.id, '2028-01-10')).json();
      expect(
        moved.warnings.find((w: { code: string }) => w.code === 'late_first_surveillance').message,
      ).toMatch(/more than 12 months after the certification decision on 2027-01-05: hold it by 2028-01-05/);
    });

    it('continues the expiry on a timely recertification and restores within six months after expiry', async () => {
      const first = (await ima.post(certs, cert('R-1'))).json();
      expect(first.expiresOn).toBe('2030-01-30');
      const renewed = await ima.post(certs, cert('R-2', { auditRef: 'R-1-RC', issuedOn: '2029-12-01' }));
      expect(renewed.statusCode, renewed.body).toBe(201);
      expect(renewed.json()).toMatchObject({
        expiresOn: '2033-01-30',
        renewsNumber: 'R-1',
        notCertified: null,
      });
      await ima.post(certs, cert('L-1'));
      const restored = await ima.post(certs, cert('L-2', { auditRef: 'L-1-RC', issuedOn: '2030-03-15' }));
      expect(restored.json()).toMatchObject({
        expiresOn: '2033-01-30',
        notCertified: { from: '2030-01-31', to: '2030-03-14' },
      });
      await ima.post(certs, cert('X-1'));
      const late = await ima.post(certs, cert('X-2', { auditRef: 'X-1-RC', issuedOn: '2030-08-01' }));
      expect(late.statusCode).toBe(409);
      expect(late.json().detail).toMatch(/new initial certification/);
    });

    it('reinstates a suspension only within six months, and lapses 2013 certificates', async () => {
      const c = (await ima.post(certs, cert('S-1'))).json();
      const url = `${certs}/${c.id}`;
      const suspended = await ima.patch(url, {
        status: 'suspended',
        statusReason: 'Surveillance 1 not held in its window',
        suspensionReason: 'missed_surveillance',
        statusOn: '2027-03-01',
      });
      expect(suspended.json()).toMatchObject({
        statusOn: '2027-03-01',
        reinstateBy: '2027-09-01',
        suspensionReason: 'missed_surveillance',
      });
      const late = await ima.patch(url, { status: 'valid', statusOn: '2027-09-02' });
      expect(late.statusCode).toBe(409);
      expect((await ima.patch(url, { status: 'valid', statusOn: '2027-09-01' })).json().status).toBe('valid');
      const old = (
        await ima.post(certs, cert('OLD-2013', { edition: '2013', issuedOn: '2024-01-10' }))
      ).json();
      expect(old).toMatchObject({ status: 'expired', validUntil: '2025-10-31', expiresOn: '2027-01-09' });
      expect(old.statusNote).toMatch(/IAF MD 26/);
      expect((await ima.post(certs, cert('BAD-ED', { edition: '2017' }))).statusCode).toBe(400);
    });
  });
}
