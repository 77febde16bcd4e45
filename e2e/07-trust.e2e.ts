import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { ensureDemo } from './support/demo.ts';
import { signInThroughForm } from './support/sign-in.ts';

// The trust page on the demo organisation (issue #8): the admin publishes it; an anonymous visitor sees
// only the public items; a visitor accepts the NDA and downloads a watermarked PDF (pdftotext reads the
// email); a request is approved and the mailed sign-in link works once; a revoked share link answers
// 404; the access log shows it all.
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'closeloop-demo-2026';
const priya = 'priya.shah@demo.example';

test.beforeAll(ensureDemo);

async function lastMailTo(request: APIRequestContext, to: string): Promise<string> {
  const res = await request.get('/api/v1/orgs/demo/mail-outbox?pageSize=100');
  const mail = (await res.json()).items.find((m: { to: string }) => m.to === to);
  return mail?.body ?? '';
}

let admin: Page;

test('the admin publishes the trust page and an anonymous visitor sees only public items', async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext({ baseURL });
  admin = await ctx.newPage();
  await signInThroughForm(admin, priya, PASSWORD);
  await admin.getByRole('link', { name: 'Trust page' }).click();
  await expect(admin.getByRole('heading', { name: 'Trust page' })).toBeVisible();
  // The demo page is published: take it down, check it is gone, publish it again.
  await admin.getByRole('button', { name: 'Unpublish' }).click();
  await expect(admin.getByText('Not published')).toBeVisible();
  const anon = await (await browser.newContext({ baseURL })).newPage();
  await anon.goto('/trust/demo');
  await expect(anon.getByText('This page or link does not exist')).toBeVisible();
  await admin.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(admin.getByText('Published', { exact: true })).toBeVisible();

  await anon.goto('/trust/demo');
  await expect(anon.getByRole('heading', { name: 'Northwind Trust Center' })).toBeVisible();
  await expect(anon.getByText('Certificate CERTA-27001-0427 by Certa Assurance Ltd')).toBeVisible();
  await expect(
    anon.getByRole('link', { name: 'Download Information security policy summary' }),
  ).toBeVisible();
  await expect(
    anon.getByRole('button', { name: 'Accept the NDA to open Penetration test summary 2026' }),
  ).toBeVisible();
  await expect(
    anon.getByRole('button', { name: 'Request access to SOC 2 Type II bridge letter' }),
  ).toBeVisible();
  await expect(anon.getByRole('link', { name: /Download (Penetration|SOC 2)/ })).toHaveCount(0);
  await expect(anon.getByText('Risk treatment plan')).toHaveCount(0);
  // The demo's custom domain (a CNAME to this server) leads to the page on the public address.
  const viaDomain = await anon.request.get('/', { headers: { host: 'trust.demo.example' }, maxRedirects: 0 });
  expect(viaDomain.status()).toBe(302);
  expect(viaDomain.headers().location).toBe(`${baseURL}/trust/demo`);
});

test('a visitor accepts the NDA and downloads a watermarked PDF', async ({ browser, baseURL }) => {
  const eve = await (await browser.newContext({ baseURL })).newPage();
  await eve.goto('/trust/demo');
  await eve.getByRole('button', { name: 'Accept the NDA to open Penetration test summary 2026' }).click();
  const dialog = eve.getByRole('dialog');
  await expect(dialog).toContainText('Mutual non-disclosure agreement');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Eve Visitor');
  await dialog.getByRole('textbox', { name: 'Work email' }).fill('eve@customer.example');
  await dialog.getByRole('textbox', { name: 'Company' }).fill('Customer Ltd');
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Accept NDA' }).click();
  const link = eve.getByRole('link', { name: 'Download Penetration test summary 2026' });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([eve.waitForEvent('download'), link.click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-trust-')), 'pentest.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  expect(text).toContain('Penetration test summary 2026');
  expect(text).toContain('eve@customer.example');
  expect(text).toContain('confidential');
});

test('a request is approved and the mailed sign-in link works once', async ({ browser, baseURL }) => {
  const ray = await (await browser.newContext({ baseURL })).newPage();
  await ray.goto('/trust/demo');
  await ray.getByRole('button', { name: 'Request access to SOC 2 Type II bridge letter' }).click();
  const dialog = ray.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Ray Prospect');
  await dialog.getByRole('textbox', { name: 'Work email' }).fill('ray@prospect-two.example');
  await dialog.getByRole('textbox', { name: 'Company' }).fill('Prospect Two');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog.getByRole('status')).toContainText('Your request was sent');

  await admin.getByRole('tab', { name: 'Requests' }).click();
  await admin.getByRole('button', { name: 'Approve ray@prospect-two.example' }).click();
  await expect(admin.getByText('ray@prospect-two.example was sent a sign-in link')).toBeVisible();
  const body = await lastMailTo(admin.request, 'ray@prospect-two.example');
  const signIn = /http:\/\/\S+\/trust\/demo\/i\/[A-Za-z0-9_-]+/.exec(body)?.[0];
  expect(signIn).toBeTruthy();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(signIn!);
  await expect(visitor.getByRole('link', { name: 'Download SOC 2 Type II bridge letter' })).toBeVisible();
  await expect(visitor.getByText('Signed in as ray@prospect-two.example (verified)')).toBeVisible();
  // The link was spent: a second use, from anyone, is a 404.
  const again = await (await browser.newContext()).newPage();
  const res = await again.goto(signIn!);
  expect(res?.status()).toBe(404);
  await expect(again.getByText('This page or link does not exist')).toBeVisible();
});

test('a revoked share link answers 404, and the access log shows it all', async ({ browser, baseURL }) => {
  await admin.getByRole('tab', { name: 'Grants & links' }).click();
  await admin.getByRole('textbox', { name: 'Label' }).fill('E2E due diligence');
  await admin.getByRole('button', { name: 'Create link' }).click();
  const url = (await admin.getByTestId('created-link').textContent()) ?? '';
  expect(url).toMatch(/\/trust\/demo\/s\//);
  const bank = await (await browser.newContext({ baseURL })).newPage();
  expect((await bank.goto(url))?.status()).toBe(200);
  await bank.getByRole('textbox', { name: 'Name' }).fill('Bea Bank');
  await bank.getByRole('textbox', { name: 'Work email' }).fill('bea@bank.example');
  await bank.getByRole('button', { name: 'Open shared documents' }).click();
  await expect(bank.getByRole('link', { name: 'Download SOC 2 Type II bridge letter' })).toBeVisible();

  await admin.getByRole('button', { name: 'Revoke link E2E due diligence' }).click();
  await expect(admin.getByText('Link revoked')).toBeVisible();
  const later = await (await browser.newContext({ baseURL })).newPage();
  expect((await later.goto(url))?.status()).toBe(404);
  // and the session it opened ends at once
  await bank.reload();
  await expect(bank.getByRole('link', { name: 'Download SOC 2 Type II bridge letter' })).toHaveCount(0);

  await admin.getByRole('tab', { name: 'Access log' }).click();
  const log = admin.getByRole('table', { name: 'Access log' });
  for (const event of [
    'NDA accepted',
    'Download',
    'Request',
    'Approved',
    'Sign-in',
    'Link opened',
    'Link revoked',
  ])
    await expect(log.getByRole('cell', { name: event, exact: true }).first()).toBeVisible();
  await expect(log).toContainText('eve@customer.example');
  await expect(log).toContainText('ray@prospect-two.example');
});
