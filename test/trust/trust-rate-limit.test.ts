import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';
import { publishedPage } from './fixture.ts';

// Guessing share links or sign-in links, or flooding the request queue, is slowed per client address
// while rate limiting is on (the default; CLOSELOOP_RATE_LIMIT=off turns it off).

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`trust page rate limits on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind, { CLOSELOOP_RATE_LIMIT: 'on' });
      await publishedPage(await setupAdmin(t, 'acme', 'admin@acme.test'), 'acme');
    });
    afterAll(async () => t?.close());

    it('answers 429 after twenty link guesses a minute, and still serves the page', {
      timeout: 30_000,
    }, async () => {
      const guesser = new Client(t.app);
      // On PostgreSQL the allowance is counted in windows aligned to the minute (rate-limits.store.ts):
      // guesses straddling a window's end would start a fresh count (CI saw 404 for the 21st). Start
      // with at least 10 s of the window left.
      const left = 60_000 - (Date.now() % 60_000);
      if (left < 10_000) await new Promise((r) => setTimeout(r, left + 50));
      const codes: number[] = [];
      for (let i = 0; i < 21; i++) {
        const res = await guesser.post('/api/v1/trust/acme/links/open', {
          token: `tsl_guess-${i}-aaaaaaaaaaaaaaaaaaaaaaaa`,
          name: 'G',
          email: 'g@guess.test',
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
      expect(codes[20]).toBe(429);
      expect((await guesser.get('/api/v1/trust/acme')).statusCode).toBe(200);
    });
  });
}
