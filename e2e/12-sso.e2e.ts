import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, test } from '@playwright/test';
import { startIdp, type TestIdp } from '../test/support/oidc-idp.ts';
import { ensureDemo } from './support/demo.ts';
import { signInThroughForm } from './support/sign-in.ts';

// Issue #20 in the browser: the demo admin connects the organisation to its OpenID Provider (a real
// oidc-provider on loopback), then a new colleague signs in from closeloop's sign-in page through the
// provider's own login and consent pages and lands as a member with the default role.
test.describe.configure({ mode: 'serial' });

const DEMO_PASSWORD = 'closeloop-demo-2026';
const DOMAIN = 'sso-corp.example';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let idp: TestIdp;

// Only loopback is reached: the IdP's page asks for a web font, which is refused before any connection.
async function loopbackOnly(context: BrowserContext) {
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort();
  });
}

test.beforeAll(async ({ baseURL }) => {
  ensureDemo();
  idp = await startIdp({
    redirectUri: `${baseURL}/api/auth/sso/callback/oidc-demo`,
    domain: DOMAIN,
    port: Number(process.env.E2E_IDP_PORT),
  });
});
test.afterAll(async () => idp?.close());

test('an admin connects the organisation to its identity provider', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  await loopbackOnly(context);
  const page = await context.newPage();
  await signInThroughForm(page, 'priya.shah@demo.example', DEMO_PASSWORD);
  const res = await page.request.put('/api/v1/orgs/demo/sso/oidc', {
    headers: { origin: baseURL ?? '' },
    data: {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      domain: DOMAIN,
      jitRole: 'viewer',
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.text()).not.toContain(idp.clientSecret);
  await context.close();
});

test('a colleague signs in with the company account through the provider’s pages', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL });
  await loopbackOnly(context);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in with your company account' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);

  await page.getByRole('textbox', { name: 'Email' }).fill(`jane@${DOMAIN}`);
  await page.getByRole('button', { name: 'Sign in with your company account' }).click();
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill('jane');
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: /sign-in/i }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/o\/demo\//);
  const me = await page.request.get('/api/v1/me');
  expect(await me.text()).toContain(`jane@${DOMAIN}`);
  expect(await me.text()).toContain('viewer');
  await context.close();
});
