import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { redactCapabilityUrl } from '../../src/runtime.ts';

// Issue #18, finding 12 (docs/decisions/0004-session-tokens.md): better-auth stores session tokens as
// given, so the `session` table must never leave the server: one query of ours reads it, the gate's
// lookup by token (#16), which selects no token; nothing else does, and the logs redact every place a
// session token travels.
const root = path.resolve(import.meta.dirname, '../../src');
function* sources(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* sources(full);
    else if (/\.ts$/.test(e.name) && !e.name.endsWith('.test.ts')) yield full;
  }
}

describe('session tokens stay inside the server', () => {
  it("no module reads, copies or exports the session table beyond the gate's lookup", () => {
    const lookup = path.join(root, 'modules/accounts/accounts.repository.ts');
    const offenders: string[] = [];
    for (const file of sources(root)) {
      if (file.includes(`${path.sep}db${path.sep}migrations${path.sep}`)) continue;
      const text = fs.readFileSync(file, 'utf8');
      const uses = text.match(/(selectFrom|insertInto|updateTable|deleteFrom)\(\s*['"]session['"]/g) ?? [];
      if (file === lookup ? uses.join() !== "selectFrom('session'" : uses.length > 0) offenders.push(file);
    }
    expect(offenders).toEqual([]);
    // The lookup names the token only as its key, never among the columns it returns.
    const text = fs.readFileSync(lookup, 'utf8');
    const mentions = text.match(/[^\n]*session\.token[^\n]*/g) ?? [];
    expect(mentions.map((m) => m.trim())).toEqual([".where('session.token', '=', token)"]);
    expect(text).not.toMatch(/session\.\*|selectAll/);
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
