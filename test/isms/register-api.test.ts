import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nistCsf, soc2Criteria } from '../../src/reference/catalogue.ts';
import {
  addMember,
  type Client,
  hasKind,
  kinds,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';

const org = '/api/v1/orgs/acme';
const risk = {
  ref: 'R-01',
  title: 'Ransomware encrypts production databases',
  asset: 'Customer database',
  threat: 'Ransomware',
  vulnerability: 'Flat network, shared admin credentials',
  owner: 'Head of Platform',
  inherent: { likelihood: 4, impact: 5 },
  residual: { likelihood: 2, impact: 4 },
  treatment: 'modify',
  controls: ['8.13', '8.7'],
  reviewOn: '2026-01-15',
};

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`risk register, documents and crosswalks on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let ima: Client; // ISMS manager
    let claire: Client; // external auditor
    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'ada@acme.test');
      ima = await addMember(t, admin, 'acme', 'ima@acme.test', 'isms_manager');
      claire = await addMember(t, admin, 'acme', 'claire@certa.test', 'external_auditor');
    });
    afterAll(async () => t?.close());

    it('scores risks on the matrix, refuses inconsistent ones and draws the heat map', async () => {
      const created = await ima.post(`${org}/risks`, risk);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        inherent: { score: 20, band: 'critical' },
        residual: { score: 8, band: 'medium' },
        acceptable: false,
        reviewOverdue: true,
        controls: [
          { id: '8.13', title: 'Information backup', soaStatus: null },
          { id: '8.7', title: 'Protection against malware', soaStatus: null },
        ],
      });
      const worse = await ima.post(`${org}/risks`, {
        ...risk,
        ref: 'R-02',
        residual: { likelihood: 5, impact: 5 },
      });
      expect(worse.statusCode).toBe(400);
      expect(worse.json().detail).toContain('residual risk cannot be higher');
      const bare = await ima.post(`${org}/risks`, { ...risk, ref: 'R-03', controls: [] });
      expect(bare.json().detail).toContain('needs at least one Annex A control');
      expect((await ima.post(`${org}/risks`, risk)).statusCode).toBe(409);
      const unknownAction = await ima.patch(`${org}/risks/R-01`, { actions: ['no-such-action'] });
      expect(unknownAction.statusCode).toBe(400);
      expect(unknownAction.json().detail).toContain('unknown corrective action no-such-action');
      await admin.post(`${org}/audits`, {
        ref: 'S2',
        type: 'stage2',
        certificationBody: 'CB',
        reportReceivedOn: '2026-03-02',
      });
      const nc = (
        await admin.post(`${org}/audits/S2/findings`, {
          ref: 'NC-1',
          grade: 'major',
          requirements: ['A.8.13'],
          statement: 's',
        })
      ).json();
      const action = (
        await admin.post(`${org}/findings/${nc.id}/actions`, { title: 'Immutable backups' })
      ).json();
      const linked = await ima.patch(`${org}/risks/R-01`, { actions: [action.id] });
      expect(linked.json().actions).toEqual([
        { id: action.id, title: 'Immutable backups', status: action.status, finding: 'S2/NC-1' },
      ]);
      await ima.post(`${org}/risks`, {
        ...risk,
        ref: 'R-04',
        treatment: 'retain',
        controls: [],
        residual: { likelihood: 4, impact: 5 },
      });
      const heat = (await claire.get(`${org}/risk-heatmap`)).json();
      expect(heat.inherent).toHaveLength(5);
      // Top row is likelihood 5; likelihood 4 / impact 5 holds both risks before treatment.
      expect(heat.inherent[1][4]).toMatchObject({
        likelihood: 4,
        impact: 5,
        count: 2,
        refs: ['R-01', 'R-04'],
      });
      expect(heat.residual[3][3]).toMatchObject({ likelihood: 2, impact: 4, count: 1, refs: ['R-01'] });
      const patched = await ima.patch(`${org}/risks/R-01`, { owner: 'CTO' });
      expect(patched.json()).toMatchObject({ owner: 'CTO', title: risk.title, treatment: 'modify' });
    });

    it('keeps the matrix configurable, but never below a recorded rating', async () => {
      const three = {
        likelihood: ['Low', 'Medium', 'High'],
        impact: ['Low', 'Medium', 'High'],
        bands: [
          { key: 'low', label: 'Low', max: 2, colour: 'green' },
          { key: 'high', label: 'High', max: 9, colour: 'red' },
        ],
        acceptableMax: 2,
      };
      const refused = await ima.put(`${org}/risk-matrix`, three);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().detail).toContain('likelihood is rated 1 to 3');
      const bad = await ima.put(`${org}/risk-matrix`, {
        ...three,
        bands: [{ key: 'x', label: 'X', max: 4, colour: 'red' }],
      });
      expect(bad.json().detail).toContain('the last band must end at the highest score, 9');
      expect((await claire.put(`${org}/risk-matrix`, three)).statusCode).toBe(403);
    });

    it('links risks into the SoA as the reason for inclusion', async () => {
      await admin.post(`${org}/soa/versions`, { changeNote: 'first' });
      const e = (await admin.get(`${org}/soa/versions/1`)).json().entries;
      const backup = e.find((x: { controlId: string }) => x.controlId === '8.13');
      expect(backup.risks).toEqual(['R-01']);
      expect(backup.issues).toEqual([]);
      expect(e.find((x: { controlId: string }) => x.controlId === '5.1').issues).toHaveLength(1);
    });

    it('shows which mandatory documents are missing or overdue and reminds owners by email', async () => {
      const before = (await claire.get(`${org}/document-readiness`)).json();
      expect(before.items).toHaveLength(17);
      expect(before.counts.missing).toBe(17);
      await ima.post(`${org}/documents`, {
        ref: 'POL-01',
        title: 'Information security policy',
        requirementKey: 'policy',
        owner: 'Ima',
        ownerEmail: 'ima@acme.test',
        version: '3.0',
        approvedBy: 'CEO',
        approvedOn: '2025-01-10',
        nextReviewOn: '2025-01-10',
      });
      await ima.post(`${org}/documents`, {
        ref: 'SCOPE-01',
        title: 'ISMS scope',
        requirementKey: 'scope',
        approvedBy: 'CEO',
        approvedOn: '2026-01-10',
        nextReviewOn: '2099-01-10',
      });
      expect(
        (await ima.post(`${org}/documents`, { ref: 'X', title: 'x', requirementKey: 'nope' })).statusCode,
      ).toBe(400);
      const after = (await claire.get(`${org}/document-readiness`)).json();
      const byKey = Object.fromEntries(
        after.items.map((i: { key: string; state: string }) => [i.key, i.state]),
      );
      expect(byKey).toMatchObject({ policy: 'review_overdue', scope: 'ok', soa: 'missing' });
      expect(after.counts).toMatchObject({ ok: 1, review_overdue: 1, missing: 15 });
      const sent = (await ima.post(`${org}/document-reminders`, {})).json();
      expect(sent).toEqual({
        sent: [{ ref: 'POL-01', to: 'ima@acme.test', nextReviewOn: '2025-01-10' }],
        skipped: [],
      });
      const mail = await t.rt.database.db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', 'ima@acme.test')
        .where('subject', 'like', '%Review overdue%')
        .execute();
      expect(mail).toHaveLength(1);
      expect(mail[0]!.body_text).toContain('POL-01');
      // Once a day at most, and the answer names the overdue document it did not remind again (#19).
      expect((await ima.post(`${org}/document-reminders`, {})).json()).toEqual({
        sent: [],
        skipped: [{ ref: 'POL-01', why: 'owner already reminded today (one reminder a day)' }],
      });
      const moved = await ima.patch(`${org}/documents/POL-01`, { nextReviewOn: '2099-01-01' });
      expect(moved.json()).toMatchObject({ state: 'ok', lastRemindedOn: null, version: '3.0' });
    });

    it('scores SOC 2 and NIST CSF coverage from the SoA and keeps corrections as overrides', async () => {
      const soc2 = (await claire.get(`${org}/crosswalks/soc2`)).json();
      expect(soc2.targets).toHaveLength(soc2Criteria().length);
      expect(soc2.provenance.file).toBe('mapping-iso27001-2022-soc2.json');
      expect(soc2.targets.find((x: { id: string }) => x.id === 'CC5.1').level).toBe('unmapped');
      const cc71 = soc2.targets.find((x: { id: string }) => x.id === 'CC7.1');
      const base = cc71.percent;
      await admin.patch(`${org}/soa/versions/1/controls/8.8`, {
        status: 'implemented',
        implementation: 'Weekly scans',
        reasons: ['risk_treatment'],
      });
      const cc71b = (await claire.get(`${org}/crosswalks/soc2`))
        .json()
        .targets.find((x: { id: string }) => x.id === 'CC7.1');
      const src = cc71b.sources.find(
        (s: { from: string; fromKind: string }) => s.from === '8.8' && s.fromKind === 'annex_a',
      );
      expect(src).toMatchObject({ soaStatus: 'implemented', score: 1, origin: 'shipped' });
      expect(cc71b.percent).toBeGreaterThan(base);
      expect(
        (
          await ima.put(`${org}/crosswalks/soc2/overrides`, {
            from: '8.8',
            fromKind: 'annex_a',
            to: 'CC7.1',
            relationship: null,
            reason: 'x',
          })
        ).statusCode,
      ).toBe(403);
      const removed = await admin.put(`${org}/crosswalks/soc2/overrides`, {
        from: '8.8',
        fromKind: 'annex_a',
        to: 'CC7.1',
        relationship: null,
        reason: 'Scanning is evidenced under CC7.2 in our SOC 2 report',
      });
      expect(removed.statusCode).toBe(200);
      const after = (await claire.get(`${org}/crosswalks/soc2`)).json();
      expect(after.provenance.overrides).toBe(1);
      expect(
        after.targets
          .find((x: { id: string }) => x.id === 'CC7.1')
          .sources.some((s: { from: string }) => s.from === '8.8'),
      ).toBe(false);
      const added = await admin.put(`${org}/crosswalks/soc2/overrides`, {
        from: '5.1',
        fromKind: 'annex_a',
        to: 'CC5.1',
        relationship: 'intersect',
        reason: 'Policies set the control activities',
      });
      const id = added.json().find((o: { to: string }) => o.to === 'CC5.1').id;
      const cc51 = (await claire.get(`${org}/crosswalks/soc2`))
        .json()
        .targets.find((x: { id: string }) => x.id === 'CC5.1');
      expect(cc51).toMatchObject({
        level: 'gap',
        sources: [
          expect.objectContaining({ origin: 'override', reason: 'Policies set the control activities' }),
        ],
      });
      expect((await admin.delete(`${org}/crosswalks/soc2/overrides/${id}`)).statusCode).toBe(204);
      const nist = (await claire.get(`${org}/crosswalks/nist-csf`)).json();
      expect(nist.targets).toHaveLength(nistCsf().subcategories.length);
      expect(nist.gaps.length).toBe(
        nist.targets.filter((x: { level: string }) => x.level !== 'covered').length,
      );
      const xlsx = await claire.get(`${org}/crosswalks/nist-csf/export?format=xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.getWorksheet('All targets')!.rowCount).toBe(nist.targets.length + 1);
      expect(wb.getWorksheet('Gaps')!.rowCount).toBe(nist.gaps.length + 1);
    });
  });
}
