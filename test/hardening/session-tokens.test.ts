import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { redactCapabilityUrl } from '../../src/runtime.ts';

// Issue #18, finding 12 (docs/decisions/0004-session-tokens.md): better-auth stores session tokens as
// given, so the `session` table must never leave the server: no module of ours reads it, and the logs
// redact every place a session token travels.
const root = path.resolve(import.meta.dirname, '../../src');
function* sources(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* sources(full);
    else if (/\.ts$/.test(e.name) && !e.name.endsWith('.test.ts')) yield full;
  }
}

describe('session tokens stay inside the server', () => {
  it('no module reads, copies or exports the session table', () => {
    const offenders: string[] = [];
    for (const file of sources(root)) {
      if (file.includes(`${path.sep}db${path.sep}migrations${path.sep}`)) continue;
      const text = fs.readFileSync(file, 'utf8');
      if (/(selectFrom|insertInto|updateTable|deleteFrom)\(\s*['"]session['"]/.test(text))
        offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('the logger redacts cookies, Set-Cookie, bearer tokens and token fields', async () => {
    const src = fs.readFileSync(path.join(root, 'runtime.ts'), 'utf8');
    const paths = /paths:\s*\[([\s\S]*?)\],\n/.exec(src)![1]!;
    const redact = [...paths.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const log = pino({ redact: { paths: redact, censor: '[redacted]' } }, sink);
    const token = 'sessiontoken-abcdefghijklmnopqrstuvwxyz';
    log.info({
      req: { headers: { cookie: `better-auth.session_token=${token}`, authorization: `Bearer ${token}` } },
      res: { headers: { 'set-cookie': `better-auth.session_token=${token}` } },
      result: { token },
    });
    expect(out, out).toContain('[redacted]');
    expect(out, out).not.toContain(token);
    expect(redactCapabilityUrl(`/trust/acme/s/${token}`)).not.toContain(token);
  });
});
