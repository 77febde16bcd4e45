import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/postgres-cluster.ts';

describe('graceful shutdown', () => {
  // Starts the server as a process (tsx loader, migrations) and waits for it to stop.
  it('stops on SIGTERM with exit code 0, after answering, and leaves a clean SQLite file', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-stop-'));
    const port = await freePort();
    const child = spawn(
      'node',
      ['bin/closeloop.js', 'serve', '--port', String(port), '--data-dir', dataDir],
      {
        env: {
          ...process.env,
          LOG_LEVEL: 'info',
          CLOSELOOP_SECRET: 'shutdown-test-secret-shutdown-test-secret',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 600 && !log.includes('closeloop is running'); i++)
      await new Promise((r) => setTimeout(r, 200));
    expect(log).toContain('closeloop is running');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log).toContain('shutting down');
    // Closing the database checkpoints the WAL: no -wal file with pending pages is left behind.
    const wal = path.join(dataDir, 'closeloop.db-wal');
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
    // Secrets never reach the log.
    expect(log).not.toContain('shutdown-test-secret');
  }, 60_000);
});
