import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { VIOLATIONS_ONLY } from './support/axe.ts';
import { remediationTeam, signedIn } from './support/people.ts';
import { pageAs } from './support/sign-in.ts';

// Issue #13, the ISMS an auditor checks, in the browser: the ISMS manager records the context of the
// organisation (4.1, 4.2) with the climate-change determination of Amd 1:2024 — the page names what is
// still missing until it is filled, refuses a "relevant" determination without a climate issue — and the
// management review then gathers the changed issues and parties (9.3.2 b, c) and the risks and scores fed
// in (9.3.2 d 2, f). The page passes an axe scan.
test.describe.configure({ mode: 'serial' });

const slug = 'ctx';
const isa = `isa@${slug}.test`;
const today = new Date().toISOString().slice(0, 10);

test('records the context with the climate determination, and the management review reads it', async ({
  browser,
  baseURL,
}) => {
  await remediationTeam(baseURL!, slug, [{ email: isa, role: 'isms_manager' }]);
  const page = await pageAs(browser, baseURL!, isa);
  await page.goto(`/o/${slug}/context`);
  await expect(page.getByRole('heading', { name: 'Context of the organisation' })).toBeVisible();
  const missing = page.getByRole('alert').filter({ hasText: 'Still missing' });
  await expect(missing).toContainText('climate change is a relevant issue is not determined');
  await expect(page.getByTestId('climate-line')).toContainText('not yet determined');

  // Determined relevant before any issue says so: refused with the reason (4.1, Amd 1:2024).
  await page.getByRole('radio', { name: 'Relevant', exact: true }).check();
  await page
    .getByRole('textbox', { name: 'Why (the determination)' })
    .fill('Floods threaten our data centre.');
  await page.getByRole('button', { name: 'Save determination' }).click();
  await expect(page.getByText('record it among the issues (4.1) and mark it climate').first()).toBeVisible();

  // The climate issue, then the determination, an internal issue and a party with climate requirements.
  const issues = page.getByRole('table', { name: 'External and internal issues' });
  await page.getByRole('textbox', { name: 'New issue' }).fill('River floods threaten the Leeds data centre');
  await page.getByRole('checkbox', { name: 'Part of the climate-change determination' }).check();
  await page.getByRole('button', { name: 'Add issue' }).click();
  await expect(issues).toContainText('River floods threaten the Leeds data centre');
  await expect(issues.getByText('Climate')).toBeVisible();
  await page.getByRole('button', { name: 'Save determination' }).click();
  await expect(page.getByTestId('climate-line')).toContainText(
    `Climate change is a relevant issue (determined ${today}): Floods threaten our data centre.`,
  );
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('internal');
  await page.getByRole('textbox', { name: 'New issue' }).fill('The platform team doubled in a year');
  await page.getByRole('button', { name: 'Add issue' }).click();
  await expect(issues).toContainText('The platform team doubled in a year');
  await page.getByRole('textbox', { name: 'New interested party' }).fill('Enterprise customers');
  await page
    .getByRole('textbox', { name: 'Their requirements', exact: true })
    .fill('ISO/IEC 27001 certificate');
  await page
    .getByRole('textbox', { name: 'Their climate-related requirements' })
    .fill('Continuity plans for extreme weather');
  await page.getByRole('button', { name: 'Add party' }).click();
  await expect(page.getByRole('table', { name: 'Interested parties and their requirements' })).toContainText(
    'Continuity plans for extreme weather',
  );
  await expect(page.getByText('Still missing')).toHaveCount(0);

  // The page as recorded, without the passing save notifications, passes an axe scan.
  await page.reload();
  await expect(page.getByTestId('climate-line')).toContainText('is a relevant issue');
  await expect(issues).toContainText('The platform team doubled in a year');
  const axe = await new AxeBuilder({ page }).options(VIOLATIONS_ONLY).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
    [],
  );

  // The management review held today gathers 9.3.2 a–g from the records, the context among them.
  const api = await signedIn(baseURL!, isa);
  const review = await api.post(`/api/v1/orgs/${slug}/management-reviews`, {
    data: { ref: 'MR-1', heldOn: today, chair: 'Isa' },
  });
  expect(review.status(), await review.text()).toBe(201);
  await api.dispose();
  await page.goto(`/o/${slug}/management-reviews`);
  await expect(page.getByRole('heading', { name: `MR-1 · ${today}` })).toBeVisible();
  for (const clause of ['9.3.2 a', '9.3.2 b', '9.3.2 c', '9.3.2 d 2', '9.3.2 e', '9.3.2 f', '9.3.2 g'])
    await expect(page.getByText(clause, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(/River floods threaten the Leeds data centre/).first()).toBeVisible();
  await expect(page.getByText(/Continuity plans for extreme weather/).first()).toBeVisible();
  await page.context().close();
});

test('lists another necessary control beside Annex A in the SoA draft', async ({ browser, baseURL }) => {
  const api = await signedIn(baseURL!, isa);
  expect(
    (await api.post(`/api/v1/orgs/${slug}/soa/versions`, { data: { changeNote: 'First SoA' } })).status(),
  ).toBe(201);
  await api.dispose();
  const page = await pageAs(browser, baseURL!, isa);
  await page.goto(`/o/${slug}/soa`);
  await page.getByRole('textbox', { name: 'Control id' }).fill('org-1');
  await expect(page.getByRole('textbox', { name: 'Control id' })).toHaveValue('ORG-1');
  await page.getByRole('textbox', { name: 'Title' }).fill('Certificate of deletion at contract end');
  await page.getByRole('checkbox', { name: 'Contractual' }).check();
  await page.getByRole('button', { name: 'Add control' }).click();
  const table = page.getByRole('table', { name: 'Controls of the version' });
  await expect(table).toContainText('ORG-1');
  await expect(table).toContainText('Certificate of deletion at contract end');
  await expect(table).not.toContainText('A.ORG-1');
  await page.context().close();
});
