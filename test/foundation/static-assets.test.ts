import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';
import { migratedDatabase, ORIGIN, testConfig } from '../support/harness.ts';

// Issue #16: the web app's hashed assets are cached for a year and never revalidated, index.html is
// revalidated on every load, and the brotli or gzip sibling the build wrote is sent by Accept-Encoding.

describe('static assets: precompressed, content-negotiated, cached by kind', () => {
  let rt: Runtime;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const js = `export const page = ${JSON.stringify('x'.repeat(4000))};\n`;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-dist-'));

  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>closeloop</title>');
    const asset = path.join(dist, 'assets', 'index-AbC123.js');
    fs.writeFileSync(asset, js);
    fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(js));
    fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(js));
    const config = testConfig(await migratedDatabase('sqlite'), {
      PUBLIC_URL: ORIGIN,
      CLOSELOOP_RATE_LIMIT: 'off',
    });
    rt = await createRuntime(config, { migrate: true, logger: pino({ level: 'silent' }) });
    app = await buildApp(rt, { version: 'test', webDist: dist });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await rt?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends brotli to a client that accepts it, gzip to one that accepts only gzip, else the raw file', async () => {
    const br = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    const gz = await get('/assets/index-AbC123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(js);
    const raw = await get('/assets/index-AbC123.js');
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.body).toBe(js);
    for (const r of [br, gz]) {
      expect(r.headers['content-type']).toMatch(/javascript/);
      expect(String(r.headers.vary)).toMatch(/accept-encoding/i);
    }
  });

  it('caches hashed assets for a year, immutable, and revalidates index.html', async () => {
    for (const enc of ['br', 'gzip', undefined])
      expect((await get('/assets/index-AbC123.js', enc)).headers['cache-control']).toBe(
        'public, max-age=31536000, immutable',
      );
    for (const url of ['/', '/index.html', '/o/acme/findings', '/sign-in'])
      expect((await get(url, 'br')).headers['cache-control'], url).toBe('no-cache');
  });
});
