import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Download, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { VIOLATIONS_ONLY } from './support/axe.ts';
import { remediationTeam } from './support/people.ts';
import { pageAs } from './support/sign-in.ts';

// Issue #14 in the browser: NCs written in Polish, Turkish, Greek, Russian and Japanese are imported on
// the audit page, their records completed, the CAP submitted; the CAP and the Evidence of Correction are
// downloaded from the audit page as PDF and XLSX and every string is read back (pdftotext, exceljs); the
// audit page passes an axe scan.
test.describe.configure({ mode: 'serial' });

const slug = 'scripts';
const isa = 'isa@scripts.example';
const S = {
  pl: 'Zażółć gęślą jaźń: kopie zapasowe nie są testowane',
  tr: 'İşlem günlüğü ğ ş ı denetlenmiyor',
  el: 'Η πολιτική πρόσβασης δεν αναθεωρήθηκε',
  ru: 'Ответственный за политику не назначен',
  ja: '脆弱性パッチの適用期限が守られていない → ≤ ≥ ✓ €',
};
const squash = (s: string) => s.replace(/\s+/g, '');

async function saved(download: Download) {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-e2e-rep-')),
    download.suggestedFilename(),
  );
  await download.saveAs(file);
  return file;
}

async function downloadFrom(page: Page, report: string, format: 'PDF' | 'XLSX') {
  const links = page.getByText(`${report}:`).getByRole('link', { name: format, exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), links.click()]);
  return saved(download);
}

async function xlsxCells(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
  return cells;
}

test('multilingual NCs go into the CAP and the Evidence of Correction, in PDF and XLSX', async ({
  browser,
  baseURL,
}) => {
  await remediationTeam(baseURL!, slug, [{ email: isa, role: 'isms_manager' }]);
  const page = await pageAs(browser, baseURL!, isa);
  await page.goto(`/o/${slug}/audits`);
  await page.getByRole('button', { name: 'New audit' }).click();
  await page.getByRole('textbox', { name: 'Reference' }).fill('S2-SCRIPTS');
  await page.getByRole('textbox', { name: 'Certification body' }).fill('Certa Assurance');
  await page.getByLabel('Report received on').fill('2026-11-20');
  await page.getByRole('button', { name: 'Create audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit S2-SCRIPTS' })).toBeVisible();
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-e2e-csv-')), 'report.csv');
  fs.writeFileSync(
    csv,
    `ref,grade,requirement,statement,evidence\r\nNC-1,major,A.8.13,"${S.pl}","seen"\r\nNC-2,minor,A.5.15,"${S.el}","seen"\r\nNC-3,minor,A.8.8,"${S.ja}","seen"\r\n`,
  );
  await page.locator('input[type="file"]').setInputFiles(csv);
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: /^Import 3 findings/ }).click();
  await expect(page.getByRole('table', { name: 'Findings' })).toContainText(S.el);

  // Records through the API the web client uses, with this browser's session.
  const api = page.request;
  const headers = { origin: baseURL! };
  const list = await (await api.get(`/api/v1/orgs/${slug}/findings?audit=S2-SCRIPTS`)).json();
  const causes: Record<string, string> = { 'NC-1': S.tr, 'NC-2': S.ru, 'NC-3': `${S.ja} (cause)` };
  for (const f of list.items as { id: string; ref: string }[]) {
    const base = `/api/v1/orgs/${slug}/findings/${f.id}`;
    const rec = await api.patch(`${base}/record`, {
      headers,
      data: {
        correction: { what: `${f.ref}: ${causes[f.ref]}`, who: isa, on: '2026-11-21' },
        rootCause: { method: 'five_whys', statement: causes[f.ref], whys: [] },
        effectiveness: { criteria: `${f.ref} criteria` },
      },
    });
    expect(rec.status()).toBe(204);
    const action = await api.post(`${base}/actions`, {
      headers,
      data: { title: `${f.ref} action`, ownerEmail: isa, dueOn: '2026-12-20' },
    });
    expect(action.status()).toBe(201);
  }
  const submitted = await api.post(`/api/v1/orgs/${slug}/audits/S2-SCRIPTS/cap/revisions`, { headers });
  expect(submitted.status()).toBe(201);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Audit S2-SCRIPTS' })).toBeVisible();
  const expected = [...Object.values(S), 'A.8.13 Information backup'];
  for (const report of ['Corrective Action Plan', 'Evidence of Correction']) {
    const pdf = await downloadFrom(page, report, 'PDF');
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    const cells = await xlsxCells(await downloadFrom(page, report, 'XLSX'));
    for (const s of expected) {
      expect(squash(text), `${report} PDF: ${s}`).toContain(squash(s));
      expect(
        cells.some((c) => c.includes(s)),
        `${report} XLSX: ${s}`,
      ).toBe(true);
    }
  }
  // Every rule, none disabled (issue #19: the theme's contrast, underlined links).
  const axe = await new AxeBuilder({ page }).options(VIOLATIONS_ONLY).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
    [],
  );
});
