import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annexAControls } from '../../src/reference/catalogue.ts';
import {
  addMember,
  type Client,
  hasKind,
  kinds,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';

const soa = '/api/v1/orgs/acme/soa';
const scope = {
  statement: 'Development and operation of the Acme payments platform.',
  locations: ['London office'],
  businessUnits: ['Engineering'],
  systems: ['Payments API'],
  processes: ['Software development'],
  interfaces: ['Card networks'],
  dependencies: ['AWS eu-west-2'],
  exclusions: [{ item: 'Marketing website', reason: 'Hosted by an agency, no customer data' }],
  requirements: [{ kind: 'regulatory', name: 'PCI DSS 4.0', note: 'Level 1 merchant' }],
};

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`Statement of Applicability through the API on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let claire: Client; // external auditor
    let tom: Client; // action owner
    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'ada@acme.test');
      claire = await addMember(t, admin, 'acme', 'claire@certa.test', 'external_auditor');
      tom = await addMember(t, admin, 'acme', 'tom@acme.test', 'action_owner');
    });
    afterAll(async () => t?.close());

    it('starts v1 with all 93 Annex A controls and refuses approval with clear messages', async () => {
      expect((await admin.get(soa)).statusCode).toBe(404);
      const v1 = await admin.post(`${soa}/versions`, { changeNote: 'First SoA' });
      expect(v1.statusCode).toBe(201);
      const body = v1.json();
      expect(body.entries).toHaveLength(93);
      expect(body.entries.map((e: { controlId: string }) => e.controlId)).toEqual(
        annexAControls().map((c) => c.id),
      );
      expect(body.entries[0]).toMatchObject({
        theme: 'organizational',
        title: 'Policies for information security',
      });
      expect((await admin.post(`${soa}/versions`, { changeNote: 'again' })).statusCode).toBe(409);
      const excluded = await admin.patch(`${soa}/versions/1/controls/7.4`, { applicable: false });
      expect(excluded.json().issues[0].message).toContain('excluded without a justification');
      const impl = await admin.patch(`${soa}/versions/1/controls/8.8`, {
        status: 'implemented',
        reasons: ['risk_treatment'],
      });
      expect(impl.json().issues[0].message).toContain('implemented without any evidence or description');
      const refused = await admin.post(`${soa}/versions/1/approval`, {});
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toContain('ISMS scope statement');
      const paths = refused.json().errors.map((e: { path: string }) => e.path);
      expect(paths).toContain('controls/7.4/justification');
      expect(paths).toContain('controls/8.8/implementation');
      expect(paths).toContain('controls/5.1/reasons');
    });

    it('approves a complete draft in the approver’s name and then keeps it read-only', async () => {
      expect(
        (await admin.put(`${soa}/versions/1/scope`, { scope, reason: 'initial scope' })).statusCode,
      ).toBe(200);
      await admin.patch(`${soa}/versions/1/controls/7.4`, {
        justification: 'No physical premises of our own: offices are serviced, monitored by the landlord',
      });
      await admin.patch(`${soa}/versions/1/controls/8.8`, {
        implementation: 'Weekly authenticated scans; patch SLA 14 days for critical',
        evidence: ['Scanner report 2026-W40'],
      });
      for (const c of annexAControls())
        if (!['7.4', '8.8'].includes(c.id))
          await admin.patch(`${soa}/versions/1/controls/${c.id}`, { reasons: ['business'] });
      const approved = await admin.post(`${soa}/versions/1/approval`, { approvedOn: '2026-10-01' });
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({
        status: 'approved',
        approvedBy: 'ada@acme.test',
        approvedOn: '2026-10-01',
        counts: { controls: 93, applicable: 92, excluded: 1, implemented: 1, issues: 0 },
      });
      const locked = await admin.patch(`${soa}/versions/1/controls/5.1`, { owner: 'CISO' });
      expect(locked.statusCode).toBe(409);
      expect(locked.json().detail).toContain('read-only');
      expect((await admin.put(`${soa}/versions/1/scope`, { scope })).statusCode).toBe(409);
    }, 30_000); // 93 edits and an approval: bounded, not timed

    it('starts v2 from v1 and compares them: what changed, who, why', async () => {
      const v2 = (await admin.post(`${soa}/versions`, { changeNote: 'Cloud migration' })).json();
      expect(v2).toMatchObject({ number: 2, basedOn: 1, status: 'draft' });
      expect(v2.scope.statement).toBe(scope.statement);
      expect(v2.entries.find((e: { controlId: string }) => e.controlId === '7.4').applicable).toBe(false);
      await admin.patch(`${soa}/versions/2/controls/5.23`, {
        status: 'partial',
        owner: 'Head of Platform',
        reason: 'Cloud services policy drafted',
      });
      const cmp = (await claire.get(`${soa}/compare?from=1&to=2`)).json();
      expect(cmp.changes).toEqual([
        { controlId: '5.23', field: 'status', before: 'not_started', after: 'partial' },
        { controlId: '5.23', field: 'owner', before: '', after: 'Head of Platform' },
      ]);
      expect(cmp.log).toEqual([
        expect.objectContaining({
          version: 2,
          controlId: '5.23',
          fields: ['status', 'owner'],
          reason: 'Cloud services policy drafted',
          by: 'ada@acme.test',
        }),
      ]);
      // The SoA in force is still the approved v1.
      expect((await claire.get(soa)).json().number).toBe(1);
      const trail = await t.rt.database.db
        .selectFrom('audit_entry')
        .select('action')
        .where('action', 'like', 'soa.%')
        .execute();
      expect(new Set(trail.map((r) => r.action))).toEqual(
        new Set(['soa.version.create', 'soa.control.update', 'soa.scope.update', 'soa.version.approve']),
      );
    });

    it('lets the external auditor read but not change it', async () => {
      expect((await claire.get(`${soa}/versions`)).json().map((v: { number: number }) => v.number)).toEqual([
        2, 1,
      ]);
      expect((await claire.patch(`${soa}/versions/2/controls/5.1`, { owner: 'x' })).statusCode).toBe(403);
      expect((await tom.post(`${soa}/versions/2/approval`, {})).statusCode).toBe(403);
    });

    it('exports all 93 controls as PDF and XLSX an auditor can read without an account', async () => {
      const pdf = await claire.get(`${soa}/versions/1/export?format=pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('Statement of Applicability');
      expect(text).toContain('1 (approved)');
      expect(text).toContain('ada@acme.test');
      expect(text).toContain('2026-10-01');
      expect(text).toContain('Development and operation of the Acme payments platform.');
      const flat = text.replace(/\s+/g, ' ');
      for (const c of annexAControls())
        expect(flat, c.id).toMatch(new RegExp(`A\\.${c.id.replace('.', '\\.')}\\b`));
      for (const theme of [
        'Organizational controls',
        'People controls',
        'Physical controls',
        'Technological controls',
      ])
        expect(text).toContain(theme);

      const xlsx = await claire.get(`${soa}/versions/1/export?format=xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Statement of Applicability')!;
      expect(ws.rowCount).toBe(94);
      expect(ws.autoFilter).toBeTruthy();
      const ids = [];
      for (let r = 2; r <= 94; r++) ids.push(ws.getRow(r).getCell(1).value);
      expect(ids).toEqual(annexAControls().map((c) => `A.${c.id}`));
      const header = (ws.getRow(1).values as string[]).slice(1);
      expect(header).toEqual(
        expect.arrayContaining(['Applicable', 'Implementation status', 'Owner', 'Control type']),
      );
      const r74 = ws.getRow(ids.indexOf('A.7.4') + 2);
      expect(r74.getCell(4).value).toBe('no');
      expect(String(r74.getCell(5).value)).toContain('No physical premises');
    });

    it('proposes 2022 lines from a 2013 SoA by the ISO/IEC 27002 Annex B correspondence', async () => {
      const res = await admin.post(`${soa}/versions/2/migration-2013`, {
        entries: [
          { id: 'A.5.1.1', applicable: true, status: 'implemented', implementation: 'Policy set' },
          { id: 'A.5.1.2', applicable: true, status: 'partial' },
          { id: 'A.11.1.6', applicable: false, justification: 'No delivery area' },
          { id: 'A.99.1.1', applicable: true },
        ],
      });
      expect(res.statusCode).toBe(200);
      const out = res.json();
      expect(out.unknown).toEqual(['A.99.1.1']);
      const p51 = out.proposals.find((p: { controlId: string }) => p.controlId === '5.1');
      expect(p51).toMatchObject({ applicable: true, status: 'partial', from: ['A.5.1.1', 'A.5.1.2'] });
      const p57 = out.proposals.find((p: { controlId: string }) => p.controlId === '5.7');
      expect(p57.review).toContain('new in ISO/IEC 27001:2022');
      const applied = await admin.post(`${soa}/versions/2/migration-2013`, {
        entries: [{ id: 'A.11.1.6', applicable: false, justification: 'No delivery area' }],
        apply: true,
      });
      expect(applied.json().applied).toBe(true);
      const v2 = (await admin.get(`${soa}/versions/2`)).json();
      const target = out.proposals.find((p: { from: string[] }) => p.from.includes('A.11.1.6')).controlId;
      expect(v2.entries.find((e: { controlId: string }) => e.controlId === target)).toMatchObject({
        applicable: false,
      });
    });
  });
}
