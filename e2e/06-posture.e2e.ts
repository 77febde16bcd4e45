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

const figure = async (page: Page, id: string) =>
  Number.parseFloat(((await page.getByTestId(id).textContent()) ?? '').replace(/[^\d.]/g, ''));

test('the dashboard projects three chosen actions and the explanation adds up', async ({ page }) => {
  await signInThroughForm(page, 'isabel.martin@demo.example', PASSWORD);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByTestId('readinessScore-figure')).toHaveText(/^\d{1,3}\.\d %$/);
  await expect(page.getByTestId('posture-figure')).toHaveText(/^\d{1,3} \/ 950$/);
  const readinessScore = await figure(page, 'readinessScore-figure');
  const posture = Number(((await page.getByTestId('posture-figure').textContent()) ?? '').split(' ')[0]);

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
  await expect(projected).toContainText('Alignment');
  const after = await figure(page, 'projected-readinessScore');
  const afterPosture = await figure(page, 'projected-posture');
  expect(after).toBeGreaterThan(readinessScore);
  expect(afterPosture).toBeGreaterThan(posture);
  await expect(projected).toContainText(`${readinessScore.toFixed(1)} %`);

  // Nothing was written: the figures after a reload are those from before.
  await page.reload();
  await expect(page.getByTestId('readinessScore-figure')).toHaveText(`${readinessScore.toFixed(1)} %`);

  // The explanation: its rows add up to the total, and the total is the figure on the dashboard.
  await page.getByRole('link', { name: 'How the scores are computed' }).click();
  const sum = page.getByRole('region', { name: 'Alignment sum' });
  await expect(sum).toContainText('Annex A controls');
  const cells = await sum.locator('td:nth-child(2)').allInnerTexts();
  const values = cells.map((c) => Number.parseFloat(c.replace('−', '-')));
  const total = values.at(-1)!;
  const added = values.slice(0, -1).reduce((s, v) => s + v, 0);
  expect(Math.abs(added - total)).toBeLessThan(0.011);
  expect(Math.round(total * 10) / 10).toBe(readinessScore);
  const postureCells = await page
    .getByRole('region', { name: 'Posture sum' })
    .locator('td:nth-child(2)')
    .allInnerTexts();
  const postureValues = postureCells.map((c) => Number.parseFloat(c));
  expect(Math.round(postureValues.at(-1)!)).toBe(posture);
  await expect(page.getByRole('region', { name: 'Controls contributions' })).toContainText('A.8.8');

  // A finding's page projects what closing it would do.
  await page.getByRole('link', { name: 'Corrective action log' }).click();
  await page.getByRole('link', { name: 'NC-01' }).first().click();
  const effect = page.getByRole('region', { name: 'Effect of closing this finding' });
  await expect(effect).toContainText(`ISO 27001 readinessScore ${readinessScore.toFixed(1)} % →`);
});

test('the executive summary shows the figures and exports a PDF', async ({ page }) => {
  await signInThroughForm(page, 'marcus.lee@demo.example', PASSWORD);
  await page.getByRole('link', { name: 'Executive summary' }).click();
  await expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
  await expect(page.getByTestId('readinessScore-figure')).toHaveText(/ %$/);
  await expect(page.getByRole('region', { name: 'Next five actions' }).getByRole('listitem')).toHaveCount(5);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download PDF' }).click(),
  ]);
  const file = await download.path();
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  expect(text).toContain('Executive summary');
  expect(text).toContain('Implied recommendation');
  expect(text).toMatch(/Security posture\s+\d+ \/ 950/);
});
