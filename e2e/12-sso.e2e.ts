import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { startIdp, type TestIdp } from '../test/support/oidc-idp.ts';
import { startSamlIdp } from '../test/support/saml-idp.ts';
import { quietForScan, VIOLATIONS_ONLY } from './support/axe.ts';
import { ensureDemo } from './support/demo.ts';
import { signInThroughForm } from './support/sign-in.ts';

// Issue #20 in the browser: the demo admin connects the organisation to its OpenID Provider (a real
// oidc-provider on loopback) on the single sign-on page (axe at 1280 and 390 px), then a new colleague signs in from closeloop's sign-in page through the
// provider's own login and consent pages and lands as a member with the default role. The SAML section:
// the demo's SAML provider edited with another IdP's metadata, removed and added again (axe each step).
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

async function axeClean(page: Page, where: string) {
  await quietForScan(page);
  const axe = await new AxeBuilder({ page }).options(VIOLATIONS_ONLY).withTags(WCAG).analyze();
  expect(
    axe.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
}

test('an admin connects the organisation to its identity provider on the single sign-on page', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL });
  await loopbackOnly(context);
  const page = await context.newPage();
  await signInThroughForm(page, 'priya.shah@demo.example', DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Single sign-on' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Single sign-on' })).toBeVisible();
  await expect(page.getByText('Break-glass access')).toBeVisible();
  // The demo's provider for its own domain, not required; the page shows where the IdP sends people back.
  const demo = page.getByRole('article', { name: 'Provider for demo.example' });
  await expect(demo.getByTestId('redirect-uri')).toHaveText(`${baseURL}/api/auth/sso/callback/oidc-demo`);
  await axeClean(page, 'list');

  // Edit it into the company's real IdP (the client secret is write-only, typed once).
  await demo.getByRole('button', { name: 'Edit the provider for demo.example' }).click();
  const form = page.getByRole('form', { name: 'OpenID Connect provider for demo.example' });
  await form.getByRole('textbox', { name: 'Issuer URL' }).fill(idp.issuer);
  await form.getByRole('textbox', { name: 'Client ID' }).fill(idp.clientId);
  await form.getByLabel('Client secret').fill(idp.clientSecret);
  await form.getByRole('textbox', { name: 'Email domain' }).fill('not a domain');
  await form.getByRole('button', { name: 'Save provider' }).click();
  // Checked in the browser by the contract's own schema, beside the field.
  await expect(form.getByText('an email domain such as example.com')).toBeVisible();
  await form.getByRole('textbox', { name: 'Email domain' }).fill(DOMAIN);
  await form.getByRole('combobox', { name: 'On first sign-in' }).click();
  await page.getByRole('option', { name: 'Joins as Viewer' }).click();
  await axeClean(page, 'edit form');
  await form.getByRole('button', { name: 'Save provider' }).click();
  const corp = page.getByRole('article', { name: `Provider for ${DOMAIN}` });
  await expect(corp.getByTestId('redirect-uri')).toHaveText(`${baseURL}/api/auth/sso/callback/oidc-demo`);
  await expect(corp.getByText('Joins as Viewer')).toBeVisible();
  await expect(page.getByText(idp.clientSecret)).toHaveCount(0);

  // A second provider for another domain gets its own redirect URI, shown before it is added; removed again.
  await page.getByRole('button', { name: 'Add an OpenID Connect provider' }).click();
  const add = page.getByRole('form', { name: 'OpenID Connect new provider' });
  await add.getByRole('textbox', { name: 'Issuer URL' }).fill('https://login.labs.example');
  await add.getByRole('textbox', { name: 'Client ID' }).fill('labs');
  await add.getByLabel('Client secret').fill('labs-secret-value');
  await add.getByRole('textbox', { name: 'Email domain' }).fill('labs.example');
  await expect(add.getByText(`${baseURL}/api/auth/sso/callback/oidc-demo-labs-example`)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await axeClean(page, 'add form at 390 px');
  await add.getByRole('button', { name: 'Add provider' }).click();
  const labs = page.getByRole('article', { name: 'Provider for labs.example' });
  await expect(labs.getByTestId('redirect-uri')).toHaveText(
    `${baseURL}/api/auth/sso/callback/oidc-demo-labs-example`,
  );
  await axeClean(page, 'list at 390 px');
  await labs.getByRole('button', { name: 'Remove the provider for labs.example' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(labs).toHaveCount(0);
  await expect(corp).toBeVisible();
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
  const axe = await new AxeBuilder({ page }).options(VIOLATIONS_ONLY).withTags(WCAG).analyze();
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

test('an admin edits, removes and adds the SAML 2.0 provider on the single sign-on page', async ({
  browser,
  baseURL,
}) => {
  const saml = await startSamlIdp({ domain: 'saml-corp.example' });
  const context = await browser.newContext({ baseURL });
  await loopbackOnly(context);
  const page = await context.newPage();
  try {
    await signInThroughForm(page, 'priya.shah@demo.example', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Single sign-on' }).click();
    const section = page.getByRole('region', { name: 'SAML 2.0' });
    // The demo's SAML provider: its IdP from the pasted metadata, and what the IdP must name.
    const demo = section.getByRole('article', { name: 'Provider for emea.demo.example' });
    await expect(demo.getByText('Signed assertions required')).toBeVisible();
    await expect(demo.getByText('Clock skew 60 s')).toBeVisible();
    await expect(demo.getByText('IdP entity id: https://sso.demo.example/realms/emea')).toBeVisible();
    const audience = `${baseURL}/api/auth/sso/saml2/sp/metadata?providerId=saml-demo`;
    await expect(demo.getByTestId('saml-audience')).toHaveText(audience);
    await expect(demo.getByTestId('saml-acs-url')).toHaveText(
      `${baseURL}/api/auth/sso/saml2/sp/acs/saml-demo`,
    );
    await axeClean(page, 'SAML list');

    // Edit: the metadata is read again when saved; what is not metadata is refused beside the field.
    await demo.getByRole('button', { name: 'Edit the provider for emea.demo.example' }).click();
    const form = page.getByRole('form', { name: 'SAML provider for emea.demo.example' });
    await expect(form.getByRole('radio', { name: 'Metadata XML' })).toBeChecked();
    await expect(form.getByText('Signed assertions required')).toBeVisible();
    await form.getByRole('textbox', { name: 'Metadata XML' }).fill('<not-metadata/>');
    await form.getByRole('button', { name: 'Save SAML provider' }).click();
    await expect(form.getByText('the metadata names no entityID')).toBeVisible();
    await form.getByRole('textbox', { name: 'Metadata XML' }).fill(saml.metadata);
    await form.getByRole('textbox', { name: 'Email domain' }).fill('saml-corp.example');
    await form.getByRole('textbox', { name: 'Clock skew (seconds)' }).fill('120');
    await axeClean(page, 'SAML edit form');
    await form.getByRole('button', { name: 'Save SAML provider' }).click();
    const corp = section.getByRole('article', { name: 'Provider for saml-corp.example' });
    await expect(corp.getByText('Clock skew 120 s')).toBeVisible();
    await expect(corp.getByText(`IdP entity id: ${saml.origin}/metadata`)).toBeVisible();
    await expect(corp.getByTestId('saml-audience')).toHaveText(audience);

    // Remove it, then add it again, at phone width.
    await corp.getByRole('button', { name: 'Remove the provider for saml-corp.example' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(corp).toHaveCount(0);
    // The confirmation's overlay fades out; until it has gone, axe measures text through it (a CI run
    // reported the break-glass alert's contrast at 390 px that way).
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.locator('.mantine-Modal-overlay')).toHaveCount(0);
    await expect(section.getByText('No SAML provider')).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await section.getByRole('button', { name: 'Add a SAML provider' }).click();
    const add = page.getByRole('form', { name: 'SAML new provider' });
    await add.getByRole('radio', { name: 'Metadata XML' }).check();
    await add.getByRole('textbox', { name: 'Metadata XML' }).fill(saml.metadata);
    await add.getByRole('textbox', { name: 'Email domain' }).fill('saml-corp.example');
    await axeClean(page, 'SAML add form at 390 px');
    await add.getByRole('button', { name: 'Add SAML provider' }).click();
    await expect(corp.getByText('Clock skew 60 s')).toBeVisible();
    await axeClean(page, 'SAML list at 390 px');
  } finally {
    await context.close();
    await saml.close();
  }
});
