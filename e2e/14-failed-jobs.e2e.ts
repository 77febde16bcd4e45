import { execFileSync } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { VIOLATIONS_ONLY } from './support/axe.ts';
import { remediationTeam } from './support/people.ts';
import { pageAs } from './support/sign-in.ts';

// Failed jobs in the browser (issue #17). Jobs are made to fail for real on the running server's
// database: an organisation's stored settings made unreadable (its reminders and digests fail), and the
// clean-up job's table moved away (an instance job fails). Each job runs as an operator would run it
// (`closeloop jobs run`); the organisation's admin sees its dead letter and retries it once repaired, the
// instance operator (CLOSELOOP_OPERATORS in playwright.config.ts) sees the instance's. axe-core finds no
// violation on either page.
test.describe.configure({ mode: 'serial' });

const slug = 'jobs-e2e';
const operator = `operator@${slug}.test`;
const root = path.resolve(import.meta.dirname, '..');
const dataDir = () => process.env.E2E_DATA_DIR ?? '';

/** A statement against the server's SQLite file, as a broken disk or a bad manual edit would leave it. */
function onDatabase(statement: string, ...values: string[]) {
  const db = new Database(path.join(dataDir(), 'closeloop.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(statement).run(...values);
  } finally {
    db.close();
  }
}

/** `closeloop jobs run NAME` against the running server's data folder; it fails, as intended. */
function runFailingJob(name: string) {
  expect(() =>
    execFileSync('node', ['bin/closeloop.js', 'jobs', 'run', name, '--data-dir', dataDir()], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: 'pipe',
    }),
  ).toThrow();
}

async function axeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).options(VIOLATIONS_ONLY).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
    [],
  );
}

test.beforeAll(async ({ baseURL }) => {
  await remediationTeam(baseURL!, slug, [{ email: operator, role: 'viewer' }]);
});

test("an organisation's admin sees its failed job, summarised without secrets, and retries it", async ({
  browser,
  baseURL,
}) => {
  onDatabase(
    'update organisation set settings_json = ? where slug = ?',
    '{"smtpPassword": hunter2hunter2hunter2}',
    slug,
  );
  runFailingJob('notifications-due');
  const page = await pageAs(browser, baseURL!, `admin@${slug}.test`);
  await page.getByRole('link', { name: 'Failed jobs' }).click();
  await expect(page.getByRole('heading', { name: 'Failed jobs' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Failed jobs of Remediation Ltd' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('notifications-due');
  await expect(table).toContainText('[hidden]');
  await expect(table).not.toContainText('hunter2');
  await axeClean(page);

  onDatabase('update organisation set settings_json = ? where slug = ?', '{}', slug);
  await table.getByRole('button', { name: /^Retry notifications-due/ }).click();
  await expect(page.getByText('notifications-due ran and succeeded')).toBeVisible();
  await expect(page.getByText('No failed jobs')).toBeVisible();

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByText('job.retried').first()).toBeVisible();
});

test("the instance operator sees the instance's failed job and retries it", async ({ browser, baseURL }) => {
  onDatabase('alter table rate_limit_hit rename to rate_limit_hit_away');
  try {
    runFailingJob('expired-records-cleanup');
  } finally {
    onDatabase('alter table rate_limit_hit_away rename to rate_limit_hit');
  }
  const admin = await pageAs(browser, baseURL!, `admin@${slug}.test`);
  await expect(admin.getByRole('link', { name: 'Failed jobs' })).toBeVisible();
  await expect(admin.getByRole('link', { name: 'Instance jobs' })).toHaveCount(0);

  const page = await pageAs(browser, baseURL!, operator);
  await page.getByRole('link', { name: 'Instance jobs' }).click();
  await expect(page.getByRole('heading', { name: 'Instance jobs' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Failed jobs of the instance' });
  await expect(table).toContainText('expired-records-cleanup');
  await expect(table).toContainText('rate_limit_hit');
  await axeClean(page);
  await table.getByRole('button', { name: /^Retry expired-records-cleanup/ }).click();
  await expect(page.getByText('expired-records-cleanup ran and succeeded')).toBeVisible();
  await expect(page.getByText('No failed jobs')).toBeVisible();
});
