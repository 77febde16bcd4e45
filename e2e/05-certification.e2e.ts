import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { remediationTeam, signedIn } from './support/people.ts';
import { pageAs } from './support/sign-in.ts';

// The certification story in the browser: the ISMS manager records the certificate and sees its cycle
// planned, plans an internal audit; the internal auditor grades a nonconformity and raises it as a
// finding in one step; after the action owner's corrective action, the auditor verifies it against its
// criteria and evidence, and the Evidence of Correction report carries that verification.
test.describe.configure({ mode: 'serial' });

const slug = 'cycle';
const isa = `isa@${slug}.test`;
const tom = `tom@${slug}.test`;
const ravi = `ravi@${slug}.test`;
let findingUrl = '';

test('the ISMS manager records the certificate and the cycle is planned', async ({ browser, baseURL }) => {
  await remediationTeam(baseURL!, slug, [
    { email: isa, role: 'isms_manager' },
    { email: tom, role: 'action_owner' },
    { email: ravi, role: 'internal_auditor' },
  ]);
  const page = await pageAs(browser, baseURL!, isa);
  await page.goto(`/o/${slug}/certification`);
  await page.getByRole('button', { name: 'Record certificate' }).click();
  await page.getByRole('textbox', { name: 'Certificate number' }).fill('IS-E2E');
  await page.getByRole('textbox', { name: 'Certification body' }).fill('Certa Assurance');
  await page.getByLabel('Issued on').fill('2027-01-31');
  await page.getByRole('button', { name: 'Record and plan the cycle' }).click();
  const plan = page.getByRole('table', { name: 'Planned audits of IS-E2E' });
  await expect(plan).toContainText('IS-E2E-S1');
  // One audit in each calendar year: 2027, 2028, recertification in 2029 (ISO/IEC 17021-1 9.6.2.2).
  await expect(plan).toContainText('2027-10-31 – 2027-12-31');
  await expect(plan).toContainText('2027-12-17');
  await expect(plan).toContainText('IS-E2E-S2');
  await expect(plan).toContainText('IS-E2E-RC');
  await expect(plan).toContainText('2029-10-18');
  await expect(page.getByTestId('certificate-expiry')).toHaveText('2030-01-30');
  await expect(page.getByTestId('certificate-decided')).toHaveText('2027-01-31');
  await expect(page.getByRole('table', { name: 'Certification history' })).toContainText(
    'Certificate IS-E2E issued by Certa Assurance',
  );
});

test('the ISMS manager plans an internal audit with an independent auditor', async ({ browser, baseURL }) => {
  const page = await pageAs(browser, baseURL!, isa);
  await page.goto(`/o/${slug}/internal-audits`);
  await page.getByRole('button', { name: 'Plan internal audit' }).click();
  await page.getByRole('textbox', { name: 'Reference' }).fill('IA-E2E');
  await page.getByRole('textbox', { name: 'Audited area' }).fill('Patch management');
  await page.getByRole('textbox', { name: 'Auditor (email)' }).fill(ravi);
  await page.getByRole('textbox', { name: 'Auditee (email)' }).fill(ravi);
  await page.getByLabel('Planned on').fill('2027-03-01');
  await page.getByRole('textbox', { name: 'Requirements in scope' }).fill('9.2, A.8.8');
  await page.getByRole('button', { name: 'Plan and generate the checklist' }).click();
  await expect(page.getByText('the auditor must be independent of the audited area').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Auditee (email)' }).fill(tom);
  await page.getByRole('button', { name: 'Plan and generate the checklist' }).click();
  await expect(page.getByRole('heading', { name: 'Internal audit IA-E2E' })).toBeVisible();
  await expect(page.getByLabel('Checklist item A.8.8')).toContainText(
    'Management of technical vulnerabilities',
  );
});

test('the internal auditor grades a nonconformity and raises it as a finding in one step', async ({
  browser,
  baseURL,
}) => {
  const page = await pageAs(browser, baseURL!, ravi);
  await page.goto(`/o/${slug}/internal-audits/IA-E2E`);
  const item = page.getByLabel('Checklist item A.8.8');
  await item.getByRole('combobox', { name: 'Result for A.8.8' }).click();
  await page.getByRole('option', { name: 'Minor nonconformity' }).click();
  await item
    .getByRole('textbox', { name: 'Evidence for A.8.8' })
    .fill('2 of 8 sampled servers miss the May patches');
  await item.getByRole('textbox', { name: 'Sample for A.8.8' }).fill('srv-02, srv-05');
  await item.getByRole('button', { name: 'Save result for A.8.8' }).click();
  await item.getByRole('textbox', { name: 'Finding reference' }).fill('IA-NC-1');
  await item
    .getByRole('textbox', { name: 'Nonconformity statement' })
    .fill('Security patches are installed late.');
  await item.getByRole('button', { name: 'Raise finding' }).click();
  await expect(page).toHaveURL(/\/findings\//);
  findingUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('finding-status')).toHaveText('Open');
  await expect(page.getByText('Security patches are installed late.').first()).toBeVisible();
});

async function ok(api: APIRequestContext, url: string, data: object) {
  const res = await api.post(url, { data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

test('the action owner corrects it and submits evidence (clause 10.2)', async ({ baseURL }) => {
  const id = findingUrl.split('/').pop()!;
  const f = `/api/v1/orgs/${slug}/findings/${id}`;
  const owner = await signedIn(baseURL!, tom);
  const manager = await signedIn(baseURL!, isa);
  await ok(owner, `${f}/transitions`, { action: 'start_analysis' });
  const rec = await owner.patch(`${f}/record`, {
    data: {
      correction: { what: 'Patched srv-02 and srv-05', who: 'tom', on: '2027-03-03' },
      rootCause: { statement: 'Patch window skipped when the on-call engineer was away' },
      effectiveness: { criteria: 'No server misses a patch window for two months' },
    },
  });
  expect(rec.status(), await rec.text()).toBeLessThan(300);
  const action = await ok(owner, `${f}/actions`, {
    title: 'Name a deputy for the patch window',
    ownerEmail: tom,
    dueOn: '2027-03-31', // submit_plan needs an owner and a due date (10.2 c, #14 plan guard)
  });
  await ok(owner, `${f}/transitions`, { action: 'submit_plan' });
  await ok(manager, `${f}/transitions`, {
    action: 'accept_plan',
    decisionDate: '2027-03-05',
    note: 'Internal finding: accepted',
  });
  await ok(owner, `${f}/transitions`, { action: 'start_implementation' });
  expect(
    (await owner.patch(`${f}/actions/${action.id}`, { data: { status: 'done' } })).status(),
  ).toBeLessThan(300);
  const up = await owner.post(`${f}/evidence`, {
    multipart: {
      file: {
        name: 'patch-windows.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('May and June: 0 missed'),
      },
    },
  });
  expect(up.status()).toBe(201);
  await ok(owner, `${f}/transitions`, { action: 'submit_evidence' });
  await owner.dispose();
  await manager.dispose();
});

test('the internal auditor verifies it and the Evidence of Correction report shows the verification', async ({
  browser,
  baseURL,
}) => {
  const tomPage = await pageAs(browser, baseURL!, tom);
  await tomPage.goto(`/o/${slug}/internal-audits`);
  await expect(tomPage.getByLabel('Verification of IA-NC-1')).toContainText('another person verifies them');

  const page = await pageAs(browser, baseURL!, ravi);
  await page.goto(`/o/${slug}/internal-audits`);
  const card = page.getByLabel('Verification of IA-NC-1');
  await expect(card).toContainText('No server misses a patch window for two months');
  await card.getByLabel(/patch-windows\.txt/).check();
  await card.getByLabel('The effectiveness criteria are met').check();
  await card
    .getByRole('textbox', { name: 'Verification notes' })
    .fill('Checked the patch logs of May and June');
  await card.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByLabel('Verification of IA-NC-1')).toHaveCount(0);
  await page.goto(findingUrl);
  await expect(page.getByTestId('finding-status')).toHaveText('Verified internally');

  const api = await signedIn(baseURL!, ravi);
  const res = await api.get(`/api/v1/orgs/${slug}/reports/evidence?audit=IA-E2E&format=pdf`);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-e2e-pdf-')), 'evidence.pdf');
  fs.writeFileSync(file, await res.body());
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // The Evidence of Correction as #14 lays it out: the verifier by name and role with the verdict, the
  // criteria checked and the files examined by name.
  expect(text).toMatch(
    /Internal verification \(9\.2\) ravi \(Internal auditor\), \d{4}-\d{2}-\d{2}: criteria met/,
  );
  expect(text).toContain('Criteria checked No server misses a patch window for two months');
  expect(text).toContain('Evidence examined patch-windows.txt');
  await api.dispose();
});

test('the ISMS manager records a management review with gathered inputs and exports the minutes', async ({
  browser,
  baseURL,
}) => {
  const page = await pageAs(browser, baseURL!, isa);
  await page.goto(`/o/${slug}/management-reviews`);
  await page.getByRole('button', { name: 'Record management review' }).click();
  await page.getByRole('textbox', { name: 'Reference' }).fill('MR-E2E');
  await page.getByLabel('Held on').fill('2027-04-01');
  await page.getByRole('textbox', { name: 'Chair' }).fill('Isa');
  await page.getByRole('button', { name: 'Record and gather the inputs' }).click();
  const card = page.getByLabel('Management review MR-E2E');
  await expect(card).toContainText('Open: IA-E2E/IA-NC-1 (minor, verified internally)');
  await expect(card).toContainText('Internal audit results: 1 minor.');
  await card.getByRole('button', { name: 'Add decision' }).click();
  await card.getByRole('textbox', { name: 'Topic' }).fill('Patching');
  await card.getByRole('textbox', { name: 'Decision' }).fill('Automate the patch window report');
  await card.getByRole('button', { name: 'Save decisions' }).click();
  await expect(page.getByText('Saved').first()).toBeVisible();
  const api = await signedIn(baseURL!, isa);
  const list = await (await api.get(`/api/v1/orgs/${slug}/management-reviews`)).json();
  const res = await api.get(`/api/v1/orgs/${slug}/management-reviews/${list.items[0].id}/minutes`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-e2e-pdf-')), 'minutes.pdf');
  fs.writeFileSync(file, await res.body());
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Automate the patch window report');
  expect(text).toContain('9.3.2 d 3');
  await api.dispose();
});

test('a certificate on a stage 2 audit with an unverified major is refused, naming it', async ({
  browser,
  baseURL,
}) => {
  const api = await signedIn(baseURL!, isa);
  await ok(api, `/api/v1/orgs/${slug}/audits`, {
    ref: 'S2-E2E',
    type: 'stage2',
    certificationBody: 'Certa Assurance',
    startsOn: '2027-01-10',
    endsOn: '2027-01-12',
    policyKey: 'fast-14-30-60',
  });
  await ok(api, `/api/v1/orgs/${slug}/audits/S2-E2E/findings`, {
    ref: 'NC-E2E',
    grade: 'major',
    requirements: ['A.8.8'],
    statement: 'Vulnerabilities are not evaluated within a defined time.',
  });
  const page = await pageAs(browser, baseURL!, isa);
  await page.goto(`/o/${slug}/certification`);
  await page.getByRole('button', { name: 'Record certificate' }).click();
  await page.getByRole('textbox', { name: 'Certificate number' }).fill('IS-E2E-2');
  await page.getByRole('textbox', { name: 'Certification body' }).fill('Certa Assurance');
  await page.getByLabel('Issued on').fill('2027-02-01');
  await page.getByRole('textbox', { name: 'Decided on audit' }).fill('S2-E2E');
  await page.getByRole('button', { name: 'Record and plan the cycle' }).click();
  await expect(
    page.getByText('major NC-E2E is not verified by the certification body', { exact: false }).first(),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Planned audits of IS-E2E-2' })).toHaveCount(0);
});
