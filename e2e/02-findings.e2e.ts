import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { remediationTeam, signedIn } from './support/people.ts';
import { pageAs } from './support/sign-in.ts';

// The clause 10.2 story in the browser: import the report, write the correction, root cause and
// actions, attach evidence, verify internally, record the auditor's acceptance, close; then the CAP and
// Evidence of Correction PDFs contain what was entered.
test.describe.configure({ mode: 'serial' });

const slug = 'remed';
const isa = `isa@${slug}.test`;
const tom = `tom@${slug}.test`;
const ravi = `ravi@${slug}.test`;
let findingUrl = '';

const move = async (page: Page, label: string) => {
  // The lifecycle moves, not a message's × (named "Close" too).
  await page.getByRole('group', { name: 'Lifecycle actions' }).getByRole('button', { name: label }).click();
};

test('the ISMS manager creates the audit and imports the nonconformity report', async ({
  browser,
  baseURL,
}) => {
  await remediationTeam(baseURL!, slug, [
    { email: isa, role: 'isms_manager' },
    { email: tom, role: 'action_owner' },
    { email: ravi, role: 'internal_auditor' },
  ]);
  const page = await pageAs(browser, baseURL!, isa);
  await page.goto(`/o/${slug}/audits`);
  await page.getByRole('button', { name: 'New audit' }).click();
  await page.getByRole('textbox', { name: 'Reference' }).fill('S2-E2E');
  await page.getByRole('textbox', { name: 'Certification body' }).fill('Certa Assurance');
  await page.getByLabel('Report received on').fill('2026-11-20');
  await page.getByRole('button', { name: 'Create audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit S2-E2E' })).toBeVisible();
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-e2e-csv-')), 'report.csv');
  fs.writeFileSync(
    csv,
    'ref,grade,requirement,statement,evidence,owner_email\r\nNC-10,major,A.8.8,"Patches are applied late","14 criticals older than 90 days",\r\nNC-11,minor,A.5.99,"Bad requirement",,\r\n',
  );
  await page.locator('input[type="file"]').setInputFiles(csv);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('table', { name: 'Import problems' })).toContainText(
    'A.5.99 is not an Annex A control',
  );
  fs.writeFileSync(
    csv,
    'ref,grade,requirement,statement,evidence,owner_email\r\nNC-10,major,A.8.8,"Patches are applied late","14 criticals older than 90 days",\r\nOFI-10,ofi,A.5.36,"Automate compliance checks",,\r\n',
  );
  await page.locator('input[type="file"]').setInputFiles(csv);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('table', { name: 'Import preview' })).toContainText('NC-10');
  await page.getByRole('button', { name: /^Import 2 findings/ }).click();
  await expect(page.getByRole('table', { name: 'Findings' })).toContainText('Patches are applied late');
  await expect(page.getByLabel('Implied recommendation')).toContainText('Not recommended');
  await page.getByRole('link', { name: 'NC-10' }).click();
  findingUrl = page.url();
  await move(page, 'Start analysis');
  await expect(page.getByTestId('finding-status')).toHaveText('Analysing');
  await page.getByLabel('What was done').fill('Patched the 14 critical vulnerabilities');
  await page.getByRole('button', { name: 'Add a why' }).click();
  await page.getByLabel('Why 1?').fill('Why were patches late?');
  await page.getByLabel('Because').fill('No owner for the scanner results');
  await page.getByLabel('Root cause statement').fill('Vulnerability management had no owner and no SLA');
  await page
    .getByLabel('Effectiveness criteria (10.2 d)', { exact: true })
    .fill('Three monthly scans with no critical older than 14 days');
  await page.getByRole('button', { name: 'Save record' }).click();
  await expect(page.getByText('Record saved')).toBeVisible();
  // Clause 10.2 c: a plan without an owned, dated action is refused, and the user is told why.
  await move(page, 'Submit corrective action plan');
  await expect(page.getByRole('alert').filter({ hasText: 'Not possible' })).toContainText(
    'add a corrective action with an owner and a due date',
  );
  await expect(page.getByTestId('finding-status')).toHaveText('Analysing');
  await page.getByLabel('New corrective action').fill('Define patch SLAs and assign the owner');
  await page.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: `tom (${tom})` }).click();
  await page.getByLabel('Due date').fill('2026-12-15');
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('table', { name: 'Corrective actions' })).toContainText('Define patch SLAs');
  await move(page, 'Submit corrective action plan');
  await expect(page.getByTestId('finding-status')).toHaveText('Plan submitted');
  await move(page, 'Accept plan');
  await page.getByLabel("Date of the certification body's decision").fill('2026-11-25');
  await page
    .getByLabel('Note (how the decision was received)')
    .fill('Accepted by e-mail from the lead auditor');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('finding-status')).toHaveText('Plan accepted');
  await move(page, 'Start implementation');
  await expect(page.getByTestId('finding-status')).toHaveText('Implementing');
});

test('the action owner completes the action, attaches evidence and submits it', async ({
  browser,
  baseURL,
}) => {
  const page = await pageAs(browser, baseURL!, tom);
  await page.goto(findingUrl);
  await page.getByRole('combobox', { name: 'Status of Define patch SLAs and assign the owner' }).click();
  await page.getByRole('option', { name: 'Done', exact: true }).click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-e2e-ev-')), 'patch-sla.txt');
  fs.writeFileSync(file, 'Patch SLA: critical 14 days, high 30 days. Owner: Tom.\n');
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Attach evidence' }).click();
  await expect(page.getByRole('table', { name: 'Evidence files' })).toContainText('patch-sla.txt');
  await move(page, 'Submit evidence for internal verification');
  await expect(page.getByTestId('finding-status')).toHaveText('Evidence submitted');
});

test('the internal auditor verifies, the ISMS manager records the acceptance and closes', async ({
  browser,
  baseURL,
}) => {
  const auditor = await pageAs(browser, baseURL!, ravi);
  await auditor.goto(findingUrl);
  await move(auditor, 'Verify internally');
  await auditor
    .getByRole('textbox', { name: 'Comment', exact: true })
    .fill('Checked the SLA and the November scan');
  await auditor.getByLabel('Examined patch-sla.txt').check();
  await auditor.getByLabel('The effectiveness criteria are met').check();
  await auditor.getByRole('button', { name: 'Confirm' }).click();
  await expect(auditor.getByTestId('finding-status')).toHaveText('Verified internally');
  const page = await pageAs(browser, baseURL!, isa);
  await page.goto(findingUrl);
  await move(page, "Record the auditor's acceptance");
  await page.getByLabel('Note (how the decision was received)').fill('Evidence accepted in the CB portal');
  await page.getByRole('button', { name: 'Confirm' }).click();
  // The CB closes once the organisation's review of effectiveness (10.2 d) is planned (#13).
  const review = page.getByRole('region', { name: 'Review of effectiveness (10.2 d)' });
  await review.getByLabel('Review due on').fill('2027-03-31');
  await review.getByLabel('Reviewer (email; not an implementer)').fill(ravi);
  await review.getByRole('button', { name: 'Plan the review' }).click();
  await expect(review.getByTestId('effectiveness-line')).toHaveText(
    'verified — effectiveness review due 2027-03-31',
  );
  await move(page, 'Close');
  await expect(page.getByTestId('finding-status')).toHaveText('Closed');
  await expect(page.getByLabel('Timeline')).toContainText('Verified internally → Closed');

  const api = await signedIn(baseURL!, isa);
  const text = async (kind: string) => {
    const res = await api.get(`/api/v1/orgs/${slug}/reports/${kind}?audit=S2-E2E&format=pdf`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-e2e-pdf-')), `${kind}.pdf`);
    fs.writeFileSync(file, await res.body());
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  };
  const cap = await text('cap');
  for (const s of [
    'Corrective Action Plan',
    'NC-10',
    'Patched the 14 critical vulnerabilities',
    'No owner for the scanner results',
    'Define patch SLAs',
    'tom (Action owner)',
    '2026-12-15',
  ])
    expect(cap).toContain(s);
  const evidence = await text('evidence');
  for (const s of [
    'Evidence of Correction',
    'patch-sla.txt',
    'ravi (Internal auditor)',
    'criteria met',
    'Checked the SLA',
    'Evidence accepted in the CB portal',
  ])
    expect(evidence).toContain(s);
  await api.dispose();
});
