import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against a closeloop server
// started on a fresh data folder and a port of its own, exactly as a user runs it.
// The config is loaded again in each worker: the first load picks the port and folder and passes them on
// through the environment, so every process agrees on them.
process.env.E2E_PORT ??= String(3900 + Math.floor(Math.random() * 90));
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-e2e-'));
// The in-process OpenID Provider of the SSO test (12-sso) listens here; the server may reach it (loopback).
process.env.E2E_IDP_PORT ??= String(Number(process.env.E2E_PORT) + 100);
const port = Number(process.env.E2E_PORT);
const dataDir = process.env.E2E_DATA_DIR;
const baseURL = `http://localhost:${port}`;
// Debian's Chromium headless shell: the same Chromium, without the windowed browser's UI stack; it used a
// third less CPU for the same tests (docs/decisions/0023-headless-shell.md). Required under CI; elsewhere
// the full browser will do.
const headlessShell = '/usr/bin/chromium-headless-shell';
const fullBrowser = '/usr/bin/chromium';
const chromium =
  process.env.CHROMIUM_PATH ??
  (fs.existsSync(headlessShell) || process.env.CI === 'true' ? headlessShell : fullBrowser);
if (!fs.existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium}: install Debian's chromium-headless-shell package (see .ci/run)`,
  );
}
if (chromium === fullBrowser && !process.env.CHROMIUM_PATH && !process.env.E2E_BROWSER_NOTED) {
  process.env.E2E_BROWSER_NOTED = '1';
  console.warn('browser tests: chromium-headless-shell not installed, using /usr/bin/chromium (slower)');
}

// Two lanes after the first-run file (01 sets the empty instance up, so it runs alone first): the files
// that work on the demo organisation, in order, one at a time (each changes what the next one sees), and
// beside them, one at a time, the files that make an organisation of their own and 12-sso, which changes
// only the demo's single sign-on (no other file reads it). Two workers, one per lane, of about equal length.
const onDemo =
  /\/(03-planner|06-posture|07-trust|10-accessibility|11-everyday-work|13-webhooks|15-own-controls)\.e2e\.ts$/;
const firstRun = /\/01-foundation\.e2e\.ts$/;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.e2e\.ts$/,
  fullyParallel: false,
  workers: 2,
  projects: [
    { name: 'first-run', testMatch: firstRun },
    { name: 'demo', testMatch: onDemo, dependencies: ['first-run'], workers: 1 },
    {
      name: 'own-organisations',
      testMatch: /.*\.e2e\.ts$/,
      testIgnore: [firstRun, onDemo],
      dependencies: ['first-run'],
      workers: 1,
    },
  ],
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: path.join(os.tmpdir(), 'closeloop-e2e-results'),
  use: {
    baseURL,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node bin/closeloop.js serve --port ${port} --data-dir ${dataDir}`,
    cwd: path.resolve(import.meta.dirname, '..'),
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PUBLIC_URL: baseURL,
      LOG_LEVEL: 'warn',
      CLOSELOOP_RATE_LIMIT: 'off',
      E2E_DATA_DIR: dataDir,
      // 13-webhooks delivers to a receiver of its own on loopback, allowed explicitly as an operator would.
      CLOSELOOP_WEBHOOK_ALLOW_PRIVATE: 'loopback',
      CLOSELOOP_SSO_ALLOW_ORIGINS: `http://127.0.0.1:${process.env.E2E_IDP_PORT}`,
      // 14-failed-jobs: the one instance operator, a person of that file's own organisation.
      CLOSELOOP_OPERATORS: 'operator@jobs-e2e.test',
    },
  },
});
