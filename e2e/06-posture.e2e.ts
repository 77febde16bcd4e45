import { execFileSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { ensureDemo } from './support/demo.ts';
import { signInThroughForm } from './support/sign-in.ts';

// The posture's main path on the demo organisation (issue #6): the dashboard shows the scores, the trend
// and the ranked actions; picking three actions shows the projected scores before anything is committed;
// the explanation page adds up to the figures displayed; the executive summary exports as PDF.
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'closeloop-demo-2026';

test.beforeAll(ensureDemo);

/** The figure a test id shows: `62.8 / 100` reads 62.8. */
const figure = async (page: Page, id: string) =>
  Number.parseFloat((await page.getByTestId(id).textContent()) ?? '');

test('the dashboard projects three chosen actions and the explanation adds up', async ({ page }) => {
  await signInThroughForm(page, 'isabel.martin@demo.example', PASSWORD);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  // closeloop's own scores, each 0–100 (issue #13: no 0–950 scale).
  await expect(page.getByTestId('readiness-figure')).toHaveText(/^\d{1,3}\.\d \/ 100$/);
  await expect(page.getByTestId('implementation-figure')).toHaveText(/^\d{1,3}\.\d \/ 100$/);
  const readiness = await figure(page, 'readiness-figure');
  const implementation = await figure(page, 'implementation-figure');

  // The trend is drawn (the demo has three weeks of it) and readiness names its blockers.
  await expect(page.getByRole('region', { name: 'Score trend' }).locator('.recharts-line')).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Blockers' })).toContainText('NC-01 (major)');
  await expect(page.getByRole('region', { name: 'Burn-down' }).locator('.recharts-line')).toHaveCount(3);

  // Three actions chosen: projected scores appear before anything is committed.
  const ranked = page.getByRole('table', { name: 'Ranked actions list' });
  const boxes = ranked.getByRole('checkbox');
  expect(await boxes.count()).toBeGreaterThanOrEqual(3);
  for (const i of [0, 1, 2]) await boxes.nth(i).check();
  const projected = page.getByRole('status', { name: 'Projected scores' });
  await expect(projected).toContainText('Readiness score');
  const after = await figure(page, 'projected-readiness');
  const afterImplementation = await figure(page, 'projected-implementation');
  expect(after).toBeGreaterThan(readiness);
  expect(afterImplementation).toBeGreaterThan(implementation);
  await expect(projected).toContainText(`Readiness score ${readiness.toFixed(1)} →`);

  // Nothing was written: the figures after a reload are those from before.
  await page.reload();
  await expect(page.getByTestId('readiness-figure')).toHaveText(`${readiness.toFixed(1)} / 100`);

  // The explanation: its rows add up to the total, and the total is the figure on the dashboard.
  await page.getByRole('link', { name: 'How the scores are computed' }).click();
  const sumOf = async (name: string) => {
    const cells = await page.getByRole('region', { name }).locator('td:nth-child(2)').allInnerTexts();
    const values = cells.map((c) => Number.parseFloat(c.replace('−', '-')));
    const total = values.at(-1)!;
    const added = values.slice(0, -1).reduce((s, v) => s + v, 0);
    expect(Math.abs(added - total)).toBeLessThan(0.011);
    return total;
  };
  await expect(page.getByRole('region', { name: 'Readiness score sum' })).toContainText('Annex A controls');
  expect(Math.round((await sumOf('Readiness score sum')) * 10) / 10).toBe(readiness);
  expect(Math.round((await sumOf('Implementation score sum')) * 10) / 10).toBe(implementation);
  await expect(page.getByRole('region', { name: 'Controls contributions' })).toContainText('A.8.8');

  // A finding's page projects what closing it would do.
  await page.getByRole('link', { name: 'Corrective action log' }).click();
  await page.getByRole('link', { name: 'NC-01' }).first().click();
  const effect = page.getByRole('region', { name: 'Effect of closing this finding' });
  await expect(effect).toContainText(`Readiness score ${readiness.toFixed(1)} →`);
});

test('the executive summary shows the figures and exports a PDF', async ({ page }) => {
  await signInThroughForm(page, 'marcus.lee@demo.example', PASSWORD);
  await page.getByRole('link', { name: 'Executive summary' }).click();
  await expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
  await expect(page.getByTestId('readiness-figure')).toHaveText(/ \/ 100$/);
  await expect(page.getByRole('region', { name: 'Next five actions' }).getByRole('listitem')).toHaveCount(5);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download PDF' }).click(),
  ]);
  const file = await download.path();
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  expect(text).toContain('Executive summary');
  expect(text).toContain('Implied recommendation');
  expect(text).toMatch(/Readiness score\s+\d+\.\d \/ 100/);
  expect(text).not.toMatch(/\/ 950/);
});
