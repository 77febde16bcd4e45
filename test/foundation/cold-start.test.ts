import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Issue #16: a server starts without loading the document libraries (pdfkit, fontkit, exceljs,
// pdf-lib); they load with the first PDF, workbook or stamped download. A fresh process builds the app,
// answers a request, and lists the modules it has loaded (ES modules through a resolve hook, CommonJS
// through require.cache).

const root = path.resolve(import.meta.dirname, '../..');
const probe = `
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
// Every ES module resolved from here on is reported by a resolve hook; CommonJS ones are in require.cache.
const { port1, port2 } = new MessageChannel();
const resolved = [];
port1.on('message', (url) => resolved.push(url));
port1.unref();
const hook = 'let port; export function initialize(d) { port = d.port; }' +
  'export async function resolve(s, c, next) { const r = await next(s, c); port.postMessage(r.url); return r; }';
register('data:text/javascript,' + encodeURIComponent(hook), { data: { port: port2 }, transferList: [port2] });
const { loadConfig } = await import(${JSON.stringify(path.join(root, 'src/config.ts'))});
const { buildApp } = await import(${JSON.stringify(path.join(root, 'src/http/app.ts'))});
const { createRuntime } = await import(${JSON.stringify(path.join(root, 'src/runtime.ts'))});
const config = loadConfig(
  { NODE_ENV: 'test', CLOSELOOP_PASSWORD_HASHING: 'fast-test-only', LOG_LEVEL: 'silent' },
  { dataDir: process.argv[2] },
);
const rt = await createRuntime(config, { migrate: true });
const app = await buildApp(rt, { version: 'test' });
await app.ready();
const health = await app.inject({ method: 'GET', url: '/api/health' });
await new Promise((r) => setTimeout(r, 200));
const loaded = [...Object.keys(createRequire(import.meta.url).cache), ...resolved];
const heavy = ['pdfkit', 'fontkit', 'exceljs', 'pdf-lib'].filter((n) =>
  loaded.some((p) => p.includes('/node_modules/' + n + '/')),
);
await app.close();
await rt.close();
console.log(JSON.stringify({ health: health.statusCode, heavy, modules: loaded.length, esm: resolved.length }));
`;

describe('cold start', () => {
  it('builds the server and answers without loading pdfkit, fontkit, exceljs or pdf-lib', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-cold-'));
    const script = path.join(dir, 'probe.mts');
    fs.writeFileSync(script, probe);
    try {
      const { stdout } = await promisify(execFile)(
        path.join(root, 'node_modules/.bin/tsx'),
        [script, path.join(dir, 'data')],
        { cwd: root, timeout: 60_000 },
      );
      const out = JSON.parse(stdout.trim().split('\n').at(-1)!);
      expect(out.health).toBe(200);
      // The probe does see the modules loaded (ours as ES modules, fastify's as CommonJS), so an empty
      // list is a real answer.
      expect(out.esm).toBeGreaterThan(50);
      expect(out.modules).toBeGreaterThan(100);
      expect(out.heavy).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
