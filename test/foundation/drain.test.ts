import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/postgres-cluster.ts';

const until = async (what: string, check: () => boolean | Promise<boolean>, tries = 600) => {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('shutdown behind a load balancer', () => {
  // Starts the server as a process, drains for 4 s and waits for it to exit.
  it('on SIGTERM fails readiness at once, stays live, finishes the in-flight request, then exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-drain-'));
    const port = await freePort();
    const child = spawn(
      'node',
      ['bin/closeloop.js', 'serve', '--port', String(port), '--data-dir', dataDir],
      {
        env: {
          ...process.env,
          LOG_LEVEL: 'info',
          CLOSELOOP_SECRET: 'drain-test-secret-drain-test-secret-drain',
          // Long enough for the probes below to see the draining state before the listener closes.
          CLOSELOOP_DRAIN_SECONDS: '4',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    await until('the server to start', () => log.includes('closeloop is running'));
    expect((await fetch(`${base}/api/ready`)).status).toBe(200);

    // A request in flight: headers and half of its body are sent before the signal, the rest after the
    // listener has started closing.
    const body = JSON.stringify({
      name: 'Ada Admin',
      email: 'ada@drain.test',
      password: 'correct horse battery staple',
      organisationName: 'Drain Ltd',
      organisationSlug: 'drain',
    });
    const half = Math.floor(body.length / 2);
    let inFlight: http.ClientRequest | undefined;
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        `${base}/api/v1/setup`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => {
            text += d.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, half));
      inFlight = req;
    });
    await until('the request to be on its way', () => inFlight !== undefined);
    await new Promise((r) => setTimeout(r, 200));

    child.kill('SIGTERM');
    await until('readiness to fail', async () => (await fetch(`${base}/api/ready`)).status === 503);
    const notReady = await fetch(`${base}/api/ready`);
    expect(notReady.headers.get('content-type')).toContain('application/problem+json');
    expect(await notReady.json()).toMatchObject({ code: 'unavailable', status: 503 });
    // Still live: a balancer's liveness check must not see a draining instance as dead.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);

    await until('the listener to close', () => log.includes('closing the listener'));
    inFlight!.end(body.slice(half));
    const done = await response;
    expect(done.status).toBe(201);
    expect(JSON.parse(done.text)).toMatchObject({ organisation: { slug: 'drain' } });
    expect(await exited).toBe(0);
    // New connections are refused once it is gone.
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  }, 90_000);
});
