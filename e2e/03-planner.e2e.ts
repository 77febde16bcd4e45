import { expect, test } from '@playwright/test';
import { ensureDemo } from './support/demo.ts';
import { signInThroughForm } from './support/sign-in.ts';

// The planner's main path on the demo organisation: the forecast says NC-01 will miss its closure date
// and why; a what-if adds a contract engineer who takes the scanning work, and the comparison turns NC-01
// green. Applying a scenario with someone who is not a member is refused with a clear message. A task's
// conversation notifies the person mentioned; a private calendar feed works until revoked.
test.describe.configure({ mode: 'serial' });

const isabel = 'isabel.martin@demo.example';
const PASSWORD = 'closeloop-demo-2026';

test.beforeAll(ensureDemo);

test('a what-if that adds a person brings an at-risk finding back on track', async ({ page }) => {
  await signInThroughForm(page, isabel, PASSWORD);
  await page.goto('/o/demo/plan');

  const risk = page.getByTestId('risk-NC-01');
  await expect(risk).toContainText('closure due');
  await expect(risk).toContainText('Roll out authenticated scanning to every production host');
  await expect(page.getByTestId('gantt').locator('[data-critical="true"]').first()).toBeVisible();

  await page.getByRole('tab', { name: 'What-if' }).click();
  await page.getByRole('textbox', { name: 'New scenario' }).fill('Contractor for the scanning work');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Changes in “Contractor for the scanning work”')).toBeVisible();
  await page.getByRole('textbox', { name: 'Name' }).fill('Contract engineer');
  const takes = page.getByRole('combobox', { name: 'Takes over' });
  await takes.click();
  await page
    .getByRole('option', { name: 'NC-01: Roll out authenticated scanning to every production host' })
    .click();
  await page
    .getByRole('option', { name: 'NC-01: Remediate or risk-accept the open critical vulnerabilities' })
    .click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Add to scenario' }).click();

  const row = page.getByTestId('compare-NC-01');
  await expect(row.locator('td').nth(1)).toContainText('at risk');
  await expect(row.locator('td').nth(2)).toContainText('on track');
  await expect(page.getByText('Every deadline holds in this scenario')).toBeVisible();

  // Every figure of the comparison carries its unit (#19 item 7: "-6 working days" next to "-10 days"):
  // the plan's shift in working days, a finding's in calendar days, findings at risk as findings.
  const table = page.getByRole('table', { name: 'Scenario comparison' });
  const whole = table.getByRole('row').nth(1);
  await expect(whole.locator('td').nth(1)).toContainText(/\d+ findings? at risk/);
  await expect(whole.locator('td').nth(3)).toHaveText(/^(no change|[+−]\d+ working days?)$/);
  await expect(row.locator('td').nth(3)).toHaveText(/^(—|no change|[+−]\d+ calendar days?)$/);
  await expect(page.getByText(/^Add Contract engineer at \d+% of a day$/)).toBeVisible();
  const bare = await table.locator('td').evaluateAll((tds) =>
    tds
      .map((td) => td.textContent ?? '')
      // Dates ("Mar 12", "12 Mar") and references ("NC-01", "S2-2026") are not quantities.
      .map((t) => t.replace(/\b([A-Z][a-z]{2} \d{1,2}|\d{1,2} [A-Z][a-z]{2})\b|\b[A-Z0-9]+-\d+\b/g, ''))
      .filter((t) => /\d(?!\d*(\.\d+)?(%|\s(working days?|calendar days?|findings?|points?)\b))/.test(t)),
  );
  expect(bare).toEqual([]);

  // A placeholder cannot own work in the real plan: applying says what to do instead.
  await page.getByRole('button', { name: 'Apply to the plan' }).click();
  await expect(page.getByText('Contract engineer is not a member yet')).toBeVisible();
  // The plan itself is unchanged.
  await page.getByRole('tab', { name: 'Gantt' }).click();
  await expect(page.getByTestId('risk-NC-01')).toBeVisible();
});

test('a mention in a task’s conversation names the person; a calendar feed works until revoked', async ({
  page,
  request,
}) => {
  await signInThroughForm(page, isabel, PASSWORD);
  await page.goto('/o/demo/plan');
  await page.getByRole('tab', { name: 'List' }).click();
  await page.getByRole('cell', { name: /Remediate or risk-accept/ }).click();
  const drawer = page.getByRole('dialog');
  await drawer
    .getByRole('textbox', { name: 'Comment' })
    .fill('@lena can you check the access review evidence first?');
  await drawer.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(drawer.getByText('@Lena Okafor')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Calendar feed' }).click();
  await page.getByRole('dialog').getByText('Whole organisation').click();
  await page.getByRole('button', { name: 'Create a feed' }).click();
  const url = (await page.getByTestId('feed-url').textContent())!;
  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const ics = await feed.text();
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('NC-01 (major): must be closed');
  // The certification cycle is in the same feed (the demo's certificate and its planned audits).
  expect(ics).toContain('certificate CERTA-27001-0427');
  await page.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('cell', { name: 'revoked' })).toBeVisible();
  expect((await request.get(url)).status()).toBe(404);
});
