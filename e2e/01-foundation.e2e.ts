import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { VIOLATIONS_ONLY } from './support/axe.ts';
import { totp } from './support/totp.ts';

// One story, in order: first-run setup (ending on the next steps), TOTP sign-in, inviting a member, and a
// role that is denied.
test.describe.configure({ mode: 'serial' });

const admin = { name: 'Ada Admin', email: 'ada@acme.test', password: 'correct horse battery staple' };
let invitationLink = '';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('first-run setup creates the administrator and the organisation', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(admin.password);
  await page.getByLabel('Organisation name').fill('Acme Cloud');
  await expect(page.getByLabel('Short name (slug)')).toHaveValue('acme-cloud');
  await page.getByRole('button', { name: 'Create administrator and organisation' }).click();
  // First run ends on the next steps (#19 item 3), each read from the new organisation's data: none done.
  await expect(page).toHaveURL(/\/o\/acme-cloud\/next-steps$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Next steps' })).toBeVisible();
  for (const step of ['soa', 'audit', 'import', 'people'])
    await expect(page.getByTestId(`next-step-${step}`)).toContainText('Not done');
  await expect(page.getByText('0 of 4 steps done')).toBeVisible();
  const axe = await new AxeBuilder({ page })
    .options(VIOLATIONS_ONLY)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);
  // Each step links to where it is done.
  await page.getByRole('link', { name: 'Invite people' }).click();
  await expect(page).toHaveURL(/\/o\/acme-cloud\/members$/);
  await expect(page.getByRole('table', { name: 'Members' })).toContainText(admin.email);
});

// RFC 6238 §5.2: a code is accepted once, so the sign-in takes the time step after the one that turned
// TOTP on (the verifier accepts one step either side). The later tests reuse that signed-in session
// instead of signing in again, which would wait up to a minute for fresh steps (#15).
const adminState = path.join(os.tmpdir(), `closeloop-e2e-admin-${process.pid}.json`);
async function asAdmin(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: adminState });
  const page = await context.newPage();
  await page.goto('/o/acme-cloud/dashboard');
  await expect(page).toHaveURL(/dashboard$/);
  return page;
}

test('turning on TOTP makes sign-in ask for the code', async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/o\/acme-cloud\/dashboard$/);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Current password').first().fill(admin.password);
  await page.getByRole('button', { name: 'Set up second factor' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByAltText('QR code for your authenticator app')).toBeVisible();
  const step = Math.floor(Date.now() / 30_000);
  await page.getByLabel('Code from your authenticator app').fill(totp(secret, step * 30_000));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByText('Second factor is on')).toBeVisible();
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, admin.email, admin.password);
  await expect(page.getByText('Enter the 6-digit code')).toBeVisible();
  await page.getByLabel('Authentication code').fill(totp(secret, (step + 1) * 30_000));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/o\/acme-cloud\/dashboard$/);
  await page.context().storageState({ path: adminState });
});

test('an administrator invites a viewer who joins through the emailed link', async ({ browser }) => {
  const page = await asAdmin(browser);
  await page.getByRole('link', { name: 'Members & invitations' }).click();
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('vic@acme.test');
  await page.getByRole('combobox', { name: 'Role', exact: true }).click();
  await page.getByRole('option', { name: 'Viewer' }).click();
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Invitations' })).toContainText('vic@acme.test');
  await page.getByRole('link', { name: 'Mail outbox' }).click();
  const mail = page.getByLabel('Mail to vic@acme.test');
  await expect(mail).toContainText('You are invited to Acme Cloud');
  invitationLink =
    /http:\/\/\S+\/invite\?token=[A-Za-z0-9_-]+/.exec((await mail.textContent()) ?? '')?.[0] ?? '';
  expect(invitationLink).not.toBe('');

  const guest = await browser.newContext();
  const vic = await guest.newPage();
  await vic.goto(invitationLink);
  await expect(vic.getByText('Join Acme Cloud')).toBeVisible();
  await vic.getByLabel('Your name').fill('Vic Viewer');
  await vic.getByLabel('Choose a password').fill('viewer password 2026');
  await vic.getByRole('button', { name: 'Accept invitation' }).click();
  // A viewer (an executive) lands on the executive summary (issue #19).
  await expect(vic).toHaveURL(/\/o\/acme-cloud\/summary$/);
  await vic.getByRole('link', { name: 'Members & invitations' }).click();
  await expect(vic.getByRole('table', { name: 'Members' })).toContainText('vic@acme.test');
  await guest.close();
  // The link works once.
  const again = await browser.newContext();
  const p2 = await again.newPage();
  await p2.goto(invitationLink);
  await expect(p2.getByText('unknown, already used, revoked or expired')).toBeVisible();
  await again.close();

  // The invitation done on the members page shows on the next steps, read back from the server; the
  // dashboard offers the rest until the administrator dismisses them.
  await page.goto('/o/acme-cloud/dashboard');
  await expect(page.getByTestId('next-steps-card')).toContainText('Still to do: 3 steps');
  await page.getByRole('link', { name: 'See the next steps' }).click();
  await expect(page.getByTestId('next-step-people')).toContainText('Done');
  await expect(page.getByTestId('next-step-people')).not.toContainText('Not done');
  await expect(page.getByTestId('next-step-audit')).toContainText('Not done');
  await expect(page.getByText('1 of 4 steps done')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss the next steps' }).click();
  await expect(page).toHaveURL(/\/o\/acme-cloud\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('next-steps-card')).toHaveCount(0);
  // Dismissed for the organisation, not for this browser: a fresh page load still has it dismissed.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByLabel('Loading')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('next-steps-card')).toHaveCount(0);
});

test('a viewer cannot invite: no control in the interface, 403 from the API', async ({ page }) => {
  await signIn(page, 'vic@acme.test', 'viewer password 2026');
  await expect(page).toHaveURL(/\/o\/acme-cloud\/summary$/);
  await page.getByRole('link', { name: 'Members & invitations' }).click();
  await expect(page.getByText('Only administrators and ISMS managers invite people.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Invite', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/api/v1/orgs/acme-cloud/invitations', {
    data: { email: 'x@acme.test', role: 'viewer' },
    headers: { origin },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).code).toBe('forbidden');
});

test('the administrator sees the whole story in the audit trail, and the chain verifies', async ({
  browser,
}) => {
  const page = await asAdmin(browser);
  await page.getByRole('link', { name: 'Audit trail' }).click();
  const table = page.getByRole('table', { name: 'Audit trail' });
  await expect(table).toContainText('invitation.accept');
  await expect(table).toContainText('auth.sign_in');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByText('Chain intact')).toBeVisible();
  await page.getByLabel('Action starts with').fill('member.');
  await expect(table).not.toContainText('auth.sign_in');
  await page.screenshot({ path: 'test-results/audit-trail.png', fullPage: true });
});

test('the API reference renders the OpenAPI document', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole('heading', { name: 'closeloop API' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'members' })).toContainText('/api/v1/orgs/{org}/members');
});
