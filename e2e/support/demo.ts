import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Loads the demo organisation into the running server's data folder, the way an operator would
 * (`closeloop demo` as a process), once per run: the files that need it share one server, and a second
 * `closeloop demo` only answers "already present" after booting the runtime.
 */
export function ensureDemo(): void {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set (see e2e/playwright.config.ts)');
  const marker = path.join(dataDir, '.e2e-demo-loaded');
  if (fs.existsSync(marker)) return;
  // The two browser-test lanes may both ask: the one that makes the lock loads, the other waits for it.
  try {
    fs.mkdirSync(path.join(dataDir, '.e2e-demo-loading'));
  } catch {
    for (let i = 0; i < 1200 && !fs.existsSync(marker); i++) Atomics.wait(pause, 0, 0, 100);
    if (!fs.existsSync(marker)) throw new Error('the other lane did not finish loading the demo in 120 s');
    return;
  }
  execFileSync('node', ['bin/closeloop.js', 'demo', '--data-dir', dataDir], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: 'pipe',
  });
  fs.writeFileSync(marker, new Date().toISOString());
}

const pause = new Int32Array(new SharedArrayBuffer(4));
