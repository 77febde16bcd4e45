import http from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, request, test } from '@playwright/test';
import { VIOLATIONS_ONLY } from './support/axe.ts';
import { ensureDemo } from './support/demo.ts';
import { signInThroughForm } from './support/sign-in.ts';

// Webhooks in the browser (issue #20), on the demo organisation: the admin adds an endpoint (a receiver
// of this test on loopback, which the server allows by CLOSELOOP_WEBHOOK_ALLOW_PRIVATE=loopback), copies
// the secret shown once, sees the delivery of a new finding in the log, and redelivers it. axe-core
// finds no violation on the page.
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'closeloop-demo-2026';
const priya = 'priya.shah@demo.example';
const received: { id: string; type: string }[] = [];
let server: http.Server;
let hookUrl = '';

test.beforeAll(async () => {
  ensureDemo();
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      received.push({ id: String(req.headers['webhook-id']), type: JSON.parse(body).type });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/closeloop`;
});
test.afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function axeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).options(VIOLATIONS_ONLY).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
    [],
  );
}

test('an admin adds an endpoint, sees its delivery and redelivers it', async ({ browser, baseURL }) => {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signInThroughForm(page, priya, PASSWORD);
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(hookUrl);
  await expect(page.getByRole('checkbox', { name: 'Finding created' })).toBeChecked();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByTestId('webhook-secret')).toHaveText(/^whsec_/);
  await axeClean(page);

  // A finding recorded through the API is an event: the server sends it right after the commit.
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect(
    (await api.post('/api/auth/sign-in/email', { data: { email: priya, password: PASSWORD } })).status(),
  ).toBe(200);
  const audits = (await (await api.get('/api/v1/orgs/demo/audits')).json()).items as { ref: string }[];
  const created = await api.post(`/api/v1/orgs/demo/audits/${audits[0]!.ref}/findings`, {
    data: {
      ref: 'NC-WEBHOOK',
      grade: 'minor',
      requirements: ['A.5.1'],
      statement: 'The policy was not reviewed.',
      objectiveEvidence: 'The last review is dated 2023.',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  await expect.poll(() => received.length, { timeout: 30_000 }).toBe(1);
  expect(received[0]!.type).toBe('finding.created');

  await page.reload();
  const deliveries = page.getByRole('table', { name: `Deliveries to ${hookUrl}` });
  // The demo's own endpoint (the ticketing bridge) is listed too: open this test's one.
  if (!(await deliveries.isVisible()))
    await page
      .locator(`[aria-label="Endpoint ${hookUrl}"]`)
      .getByRole('button', { name: 'Show deliveries' })
      .click();
  await expect(deliveries.getByText('Delivered')).toBeVisible();
  await expect(deliveries.getByRole('cell', { name: '200' })).toBeVisible();
  await axeClean(page);
  await deliveries.getByRole('button', { name: /^Redeliver Finding created/ }).click();
  await expect(page.getByText('The delivery is sent again on the next run.')).toBeVisible();
  await expect.poll(() => received.length, { timeout: 90_000 }).toBe(2);
  expect(received[1]!.id).toBe(received[0]!.id);
  await api.dispose();
});
