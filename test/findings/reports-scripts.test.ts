import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import { readZip } from '../support/zip.ts';

// Issue #14: the CAP and the Evidence of Correction in any script, the same in PDF and XLSX; CAP
// revisions as submitted; the submit guard; the evidence package; the log's age and unbroken dates.

const S = {
  pl: 'Zażółć gęślą jaźń: kopie zapasowe serwera płac nie są testowane',
  tr: 'Yedekleme sorumlusu atanmamış; İşlem günlüğü ğ ş ı kontrol edilmiyor',
  el: 'Η πολιτική ελέγχου πρόσβασης δεν έχει αναθεωρηθεί από το 2023',
  ru: 'Ответственный за пересмотр политики доступа не назначен',
  ja: '脆弱性パッチの適用期限が守られていない',
  jaCause: 'パッチ管理の手順が文書化されていない',
  symbols: 'SLA → ≤ 30 days, coverage ≥ 95 % ✓, budget 1 200 €',
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function pdfRaw(bytes: Buffer, args: string[] = ['-raw']): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-rep-')), 'r.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}
function pdfTool(tool: string, bytes: Buffer, args: string[] = []): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-rep-')), 'r.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync(tool, [...args, file], { encoding: 'utf8' });
}
/** Wrapped lines are joined: the text must come back character for character, in order. */
const squash = (s: string) => s.replace(/\s+/g, '');

async function xlsxCells(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
  return { wb, cells };
}

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`reports in any script on ${kind}`, () => {
    let t: TestApp;
    let ada: Client;
    let claire: Client;
    const ids: Record<string, string> = {};
    const base = '/api/v1/orgs/acme';
    beforeAll(async () => {
      t = await startTestApp(kind);
      ada = await setupAdmin(t);
      await addMember(t, ada, 'acme', 'tom@acme.test', 'action_owner');
      claire = await addMember(t, ada, 'acme', 'claire@certa.test', 'external_auditor');
      await ada.post(`${base}/audits`, {
        ref: 'CERT-26',
        type: 'stage2',
        certificationBody: 'Certa Assurance',
        leadAuditor: 'Claire Dubois',
        startsOn: day(-22),
        endsOn: day(-20),
        reportReceivedOn: day(-19),
      });
      const findings = [
        { ref: 'NC-2', grade: 'minor', requirements: ['A.5.15'], statement: S.el },
        { ref: 'NC-10', grade: 'minor', requirements: ['A.8.8'], statement: `${S.ja} ${S.symbols}` },
        { ref: 'NC-1', grade: 'major', requirements: ['A.8.13'], statement: S.pl },
        {
          ref: 'OFI-1',
          grade: 'ofi',
          requirements: ['A.5.1'],
          statement: 'Consider a yearly policy review day',
        },
      ];
      for (const f of findings) {
        const res = await ada.post(`${base}/audits/CERT-26/findings`, {
          ...f,
          objectiveEvidence: `seen: ${f.ref}`,
        });
        expect(res.statusCode).toBe(201);
        ids[f.ref] = res.json().id;
      }
      const cause = { 'NC-1': S.tr, 'NC-2': S.ru, 'NC-10': `${S.jaCause} ${S.symbols}` } as Record<
        string,
        string
      >;
      for (const ref of ['NC-1', 'NC-2', 'NC-10']) {
        const res = await ada.patch(`${base}/findings/${ids[ref]}/record`, {
          correction: { what: `${ref}: ${cause[ref]} — corrected`, who: 'tom@acme.test', on: day(-18) },
          rootCause: {
            method: 'five_whys',
            whys: [{ question: `Why ${ref}?`, answer: cause[ref] }],
            statement: cause[ref],
            similarElsewhere: `${ref} extent: checked the other two sites`,
          },
          expectedEffect: `${ref} expected effect: ${cause[ref]}`,
          effectiveness: { criteria: `${ref} criteria: three monthly checks clean` },
        });
        expect(res.statusCode).toBe(204);
      }
      await ada.post(`${base}/findings/${ids['NC-1']}/amendments`, {
        kind: 'document',
        reference: 'POL-BCK-01',
        description: 'Backup policy: restore test every quarter',
      });
    });
    afterAll(async () => t?.close());

    it('refuses to submit the CAP, naming each NC, while one lacks an owned, dated action', async () => {
      await ada.post(`${base}/findings/${ids['NC-1']}/actions`, {
        title: 'Quarterly restore test',
        ownerEmail: 'tom@acme.test',
        dueOn: day(10),
      });
      await ada.post(`${base}/findings/${ids['NC-2']}/actions`, {
        title: 'Name a policy owner',
        ownerEmail: 'tom@acme.test',
        dueOn: day(12),
      });
      // An action with neither owner nor due date does not make a plan (it did before).
      const bare = await ada.post(`${base}/findings/${ids['NC-10']}/actions`, { title: 'Patch SLA' });
      const refused = await ada.post(`${base}/audits/CERT-26/cap/revisions`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toContain('NC-10 lacks a corrective action with an owner and a due date');
      expect(refused.json().detail).not.toContain('NC-1 ');
      // The per-NC submission has the same guard.
      await ada.post(`${base}/findings/${ids['NC-10']}/transitions`, { action: 'start_analysis' });
      const one = await ada.post(`${base}/findings/${ids['NC-10']}/transitions`, { action: 'submit_plan' });
      expect(one.json().detail).toBe('add a corrective action with an owner and a due date');
      await ada.patch(`${base}/findings/${ids['NC-10']}/actions/${bare.json().id}`, {
        ownerEmail: 'tom@acme.test',
        dueOn: day(14),
      });
      const ok = await ada.post(`${base}/audits/CERT-26/cap/revisions`);
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({
        number: 1,
        submittedBy: 'Ada Admin (Administrator)',
        approvedBy: null,
      });
    });

    it('prints the CAP in every script, the same in PDF and XLSX, majors first', async () => {
      const res = await ada.get(`${base}/reports/cap?audit=CERT-26&format=pdf&revision=1`);
      expect(res.statusCode).toBe(200);
      const pdf = res.rawPayload;
      const text = pdfRaw(pdf);
      const { cells } = await xlsxCells(
        (await ada.get(`${base}/reports/cap?audit=CERT-26&format=xlsx&revision=1`)).rawPayload,
      );
      const expected = [
        ...Object.values(S),
        'A.8.13 Information backup',
        'A.5.15 Access control',
        'Claire Dubois',
        'Certa Assurance',
        'tom (Action owner)',
        day(10),
        'NC-1 extent: checked the other two sites',
        'POL-BCK-01',
        'NC-10 expected effect:',
        'NC-2 criteria: three monthly checks clean',
        'Ada Admin (Administrator)',
      ];
      for (const s of expected) {
        expect(squash(text), s).toContain(squash(s));
        expect(
          cells.some((c) => c.includes(s)),
          `xlsx: ${s}`,
        ).toBe(true);
      }
      expect(text).not.toContain('tom@acme.test');
      // Report order: the major first, then minors by number (NC-2 before NC-10).
      const order = ['NC-1 —', 'NC-2 —', 'NC-10 —'].map((h) => text.indexOf(h));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order[0]).toBeGreaterThan(0);
      expect(text).toMatch(/CAP revision\s+1/);
      expect(text).toMatch(/Page 1 of \d+/);
      expect(pdfTool('pdfinfo', pdf)).toMatch(/Tagged:\s+yes/);
      expect(pdfTool('qpdf', pdf, ['--check'])).toMatch(/No syntax or stream encoding errors/);
      const fonts = pdfTool('pdffonts', pdf);
      expect(fonts).toMatch(/DejaVuSans\s/);
      expect(fonts).toMatch(/NotoSansJP/);
      expect(fonts).not.toMatch(/Helvetica/);
    });

    it('keeps a submitted revision as submitted; the draft shows the change and the next number', async () => {
      await ada.patch(`${base}/findings/${ids['NC-2']}/record`, {
        correction: { what: 'Changed after submission', who: 'tom@acme.test', on: day(-1) },
      });
      const approved = await ada.post(`${base}/audits/CERT-26/cap/revisions/1/approval`);
      expect(approved.json().approvedBy).toBe('Ada Admin (Administrator)');
      const rev1 = (await ada.get(`${base}/reports/cap?audit=CERT-26&format=json&revision=1`)).json();
      const rev1Text = JSON.stringify(rev1.blocks);
      expect(rev1Text).not.toContain('Changed after submission');
      expect(rev1.meta.capRevision).toBe('1');
      expect(rev1.meta.approvedBy).toMatch(/^Ada Admin \(Administrator\), \d{4}-\d{2}-\d{2}$/);
      const draft = (await ada.get(`${base}/reports/cap?audit=CERT-26&format=json`)).json();
      expect(JSON.stringify(draft.blocks)).toContain('Changed after submission');
      expect(draft.meta.capRevision).toContain('revision 2 when submitted');
    });

    it('prints the Evidence of Correction with full hashes, labelled decisions, and packs it as a ZIP', async () => {
      await ada.post(`${base}/findings/${ids['NC-1']}/transitions`, { action: 'start_analysis' });
      await ada.post(`${base}/findings/${ids['NC-1']}/transitions`, { action: 'submit_plan' });
      const accepted = await claire.post(`${base}/findings/${ids['NC-1']}/transitions`, {
        action: 'accept_plan',
        comment: 'Plan adequate',
      });
      expect(accepted.json().to).toBe('plan_accepted');
      const detail = (await ada.get(`${base}/findings/${ids['NC-1']}`)).json();
      const bytes = Buffer.from(`%PDF-1.4\n% restore test ${S.pl}\n%%EOF\n`);
      const up = await upload(ada, `${base}/findings/${ids['NC-1']}/evidence`, 'restore-test.pdf', bytes, {
        attachedTo: 'action',
        attachedId: detail.actions[0].id,
        description: `Restore log — ${S.tr}`,
      });
      expect(up.statusCode).toBe(201);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const pdf = (await ada.get(`${base}/reports/evidence?audit=CERT-26&format=pdf`)).rawPayload;
      const text = pdfRaw(pdf);
      const { cells } = await xlsxCells(
        (await ada.get(`${base}/reports/evidence?audit=CERT-26&format=xlsx`)).rawPayload,
      );
      for (const s of [
        S.pl,
        S.el,
        S.ja,
        S.tr,
        S.ru,
        S.jaCause,
        S.symbols,
        sha,
        'action: Quarterly restore test',
      ]) {
        expect(squash(text), s).toContain(squash(s));
        expect(
          cells.some((c) => c.includes(s)),
          `xlsx: ${s}`,
        ).toBe(true);
      }
      // The plan's acceptance is labelled as such; nothing reads as evidence accepted.
      expect(squash(text)).toContain(squash(`Plan accepted on ${day(0)}`));
      expect(text).not.toContain('Evidence accepted');
      expect(squash(text)).toContain(squash('claire (External auditor)'));
      const zip = await ada.get(`${base}/reports/evidence?audit=CERT-26&format=zip`);
      expect(zip.headers['content-type']).toBe('application/zip');
      const entries = readZip(zip.rawPayload);
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
      expect(manifest.files).toHaveLength(2);
      for (const f of manifest.files) {
        const body = entries.get(f.path)!;
        expect(createHash('sha256').update(body).digest('hex')).toBe(f.sha256);
        expect(body.length).toBe(f.sizeBytes);
      }
      expect(manifest.files[1]).toMatchObject({
        path: 'evidence/CERT-26/NC-1/restore-test.pdf',
        sha256: sha,
      });
      expect(entries.get('manifest.csv')!.toString('utf8')).toContain(sha);
    });

    it('lists NCs as NC statements, OFIs apart, and the log with real ages and unbroken dates', async () => {
      const statements = pdfRaw(
        (await ada.get(`${base}/reports/nc-statements?audit=CERT-26&format=pdf`)).rawPayload,
      );
      const ofiAt = statements.indexOf('Consider a yearly policy review day');
      expect(ofiAt).toBeGreaterThan(statements.indexOf('Opportunities for improvement and observations'));
      expect(statements.lastIndexOf('Nonconformity statement', ofiAt)).toBeLessThan(
        statements.indexOf('Opportunities for improvement and observations'),
      );
      const log = (await ada.get(`${base}/reports/corrective-action-log?audit=CERT-26&format=pdf`))
        .rawPayload;
      expect(pdfTool('pdfinfo', log)).toMatch(/Page size:\s+841.89 x 595.28 pts/);
      const layout = pdfRaw(log, ['-layout']);
      // Age from the audit's last day (20 days ago), not from when the rows were created.
      const row = layout.split('\n').find((l) => l.includes('NC-1 '))!;
      expect(row).toContain(day(-20));
      expect(row).toMatch(/\s20\s/);
      // No date or status word split across lines.
      expect(layout).not.toMatch(/\d{4}-\d{2}-(?!\d{2})/);
      expect(layout).toContain('Plan accepted');
      for (const word of ['Analysing', 'Implementing'])
        expect(layout).not.toMatch(new RegExp(`${word.slice(0, 5)}\\n`));
    });
  });
}
