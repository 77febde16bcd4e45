import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { annexAControls } from '../src/reference/catalogue.ts';
import { remediationTeam, signedIn } from './support/people.ts';
import { signInThroughForm } from './support/sign-in.ts';

// The SoA in the browser: the ISMS manager edits a control of the draft, approves the version in her
// name, and downloads the PDF and XLSX an auditor reads without an account.
test.describe.configure({ mode: 'serial' });

const slug = 'isms';
const ima = `ima@${slug}.test`;

test('edits a control, approves the version and downloads the PDF and XLSX', async ({ page, baseURL }) => {
  await remediationTeam(baseURL!, slug, [{ email: ima, role: 'isms_manager' }]);
  // A draft with a scope and a reason on every control but one, prepared through the API.
  const api = await signedIn(baseURL!, ima);
  const base = `/api/v1/orgs/${slug}/soa`;
  expect((await api.post(`${base}/versions`, { data: { changeNote: 'First SoA' } })).status()).toBe(201);
  const scope = {
    statement: 'Operation of the ISMS Ltd hosting platform.',
    locations: ['Leeds'],
    businessUnits: [],
    systems: [],
    processes: [],
    interfaces: [],
    dependencies: [],
    exclusions: [],
    requirements: [],
  };
  expect((await api.put(`${base}/versions/1/scope`, { data: { scope } })).status()).toBe(200);
  for (const c of annexAControls())
    if (c.id !== '8.8')
      expect(
        (
          await api.patch(`${base}/versions/1/controls/${c.id}`, { data: { reasons: ['business'] } })
        ).status(),
      ).toBe(200);
  await api.dispose();

  await signInThroughForm(page, ima);
  await page.goto(`/o/${slug}/soa`);
  await expect(page.getByRole('heading', { name: 'Statement of Applicability' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'A.8.8' });
  await expect(row).toContainText('without a reason for inclusion');

  // Approval is refused while A.8.8 has no reason, and the page says why.
  await page.getByRole('button', { name: 'Approve version 1' }).click();
  await expect(page.getByText('This version cannot be approved yet')).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'A.8.8 is applicable without a reason' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Edit A.8.8' }).click();
  const drawer = page.getByRole('dialog', { name: /A\.8\.8 Management of technical vulnerabilities/ });
  await drawer.getByRole('checkbox', { name: 'Risk treatment' }).check();
  await drawer.getByRole('textbox', { name: 'Owner' }).fill('Head of Platform');
  await drawer
    .getByRole('textbox', { name: 'How it is implemented' })
    .fill('Weekly authenticated scans; critical patches within 14 days.');
  await drawer.getByRole('textbox', { name: 'Reason for this change' }).fill('Scanner rolled out');
  await drawer.getByRole('button', { name: 'Save control' }).click();
  await expect(drawer).toBeHidden();
  await expect(row).toContainText('Head of Platform');
  await expect(row).toContainText('Risk treatment');

  await page.getByRole('button', { name: 'Approve version 1' }).click();
  await expect(page.getByText(`Approved by ${ima} on`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit A.8.8' })).toHaveCount(0);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-e2e-soa-'));
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PDF' }).click();
  const pdfFile = path.join(dir, 'soa.pdf');
  await (await pdfDownload).saveAs(pdfFile);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain('1 (approved)');
  expect(text).toContain(ima);
  const flat = text.replace(/\s+/g, ' ');
  for (const c of annexAControls())
    expect(flat, c.id).toMatch(new RegExp(`A\\.${c.id.replace('.', '\\.')}\\b`));
  expect(flat).toContain('Weekly authenticated'); // the cell wraps; -layout interleaves columns

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download XLSX' }).click();
  const xlsxFile = path.join(dir, 'soa.xlsx');
  await (await xlsxDownload).saveAs(xlsxFile);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxFile);
  const ws = wb.getWorksheet('Statement of Applicability')!;
  const ids = Array.from({ length: 93 }, (_, i) => ws.getRow(i + 2).getCell(1).value);
  expect(ids).toEqual(annexAControls().map((c) => `A.${c.id}`));
  expect(ws.getRow(ids.indexOf('A.8.8') + 2).getCell(7).value).toBe('Head of Platform');
});

test('records a risk on the heat map, sees missing documents and the SOC 2 coverage', async ({ page }) => {
  await signInThroughForm(page, ima);
  await page.goto(`/o/${slug}/risks`);
  await page.getByRole('button', { name: 'New risk' }).click();
  await page.getByRole('textbox', { name: 'Reference' }).fill('R-01');
  await page.getByRole('textbox', { name: 'Risk', exact: true }).fill('Ransomware encrypts backups');
  await page.getByRole('textbox', { name: 'Inherent likelihood' }).fill('4');
  await page.getByRole('textbox', { name: 'Inherent impact' }).fill('5');
  await page.getByRole('combobox', { name: 'Annex A controls' }).fill('8.13');
  await page.getByRole('option', { name: 'A.8.13 Information backup' }).click();
  await page.getByRole('button', { name: 'Create risk' }).click();
  const row = page.getByRole('row').filter({ hasText: 'R-01' });
  await expect(row).toContainText('20 Critical');
  await expect(row).toContainText('A.8.13 (Not started)');
  await expect(page.getByLabel('likelihood 4, impact 5: 1 risk').first()).toBeVisible();
  // The matrix is the organisation's: a band layout that leaves scores uncovered is refused with the reason.
  await page.getByRole('button', { name: 'Risk matrix' }).click();
  await page.getByRole('button', { name: 'Remove band Critical' }).click();
  await page.getByRole('button', { name: 'Save matrix' }).click();
  await expect(page.getByText('the last band must end at the highest score, 25')).toBeVisible();

  await page.goto(`/o/${slug}/documents`);
  const readiness = page.getByRole('table', { name: 'Mandatory documented information' });
  // The 17 items of ISO/IEC 27001:2022 mandatory documented information, incl. 6.1.3 e (risk treatment plan).
  await expect(readiness.getByRole('row')).toHaveCount(17);
  await expect(readiness.getByRole('row').filter({ hasText: 'Information security policy' })).toContainText(
    'Missing',
  );

  await page.goto(`/o/${slug}/crosswalks`);
  await expect(page.getByText('coverage, from SoA v1')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Coverage' }).getByRole('row').filter({ hasText: 'CC5.1' }),
  ).toContainText('unmapped');
});

test('starts v2 from the approved v1 and migrates lines of a 2013 SoA into it', async ({ page }) => {
  await signInThroughForm(page, ima);
  await page.goto(`/o/${slug}/soa`);
  await page.getByRole('button', { name: 'New version' }).click();
  await page.getByRole('textbox', { name: 'Why a new version' }).fill('Bring over the 2013 decisions');
  await page.getByRole('button', { name: 'Start draft' }).click();
  await expect(page.getByRole('button', { name: 'Approve version 2' })).toBeVisible();
  await page.getByRole('tab', { name: 'From the 2013 edition' }).click();
  await page
    .getByRole('textbox', { name: '2013 SoA lines' })
    .fill('A.9.2.5\tyes\timplemented\tQuarterly access reviews\nA.99.1.1\tyes');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('Not 2013 Annex A controls: A.99.1.1')).toBeVisible();
  const proposals = page.getByRole('table', { name: '2022 proposals needing a decision' });
  await expect(proposals.getByRole('row').filter({ hasText: 'A.5.18' })).toContainText(
    'decided on A.9.2.5 only',
  );
  await expect(proposals.getByRole('row').filter({ hasText: 'A.5.7' })).toContainText(
    'new in ISO/IEC 27001:2022',
  );
  await page.getByRole('button', { name: 'Write into draft v2' }).click();
  await page.getByRole('tab', { name: 'Controls' }).click();
  const row = page.getByRole('row').filter({ hasText: 'A.5.18' });
  await expect(row).toContainText('Implemented');
  await page.getByRole('tab', { name: 'Compare versions' }).click();
  const log = page.getByRole('table', { name: 'Change log' });
  await expect(log).toContainText('migrated from the 2013 SoA (A.9.2.5)');
});
