import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

// Found when test files began to share a process: better-auth's "memory" rate-limit storage is one map per
// process, so two closeloop runtimes in one process counted each other's sign-ins (a second app answered
// 429 to its first sign-in). Each SQLite runtime now counts in its own memory (instanceAuthStorage).
describe('sign-in limits on SQLite are counted per runtime', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp('sqlite', { CLOSELOOP_RATE_LIMIT: 'on' });
    b = await startTestApp('sqlite', { CLOSELOOP_RATE_LIMIT: 'on' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it("one runtime's sign-ins do not use up another's allowance", async () => {
    await setupAdmin(a, 'acme', 'admin@acme.test');
    // better-auth allows 3 sign-ins per 10 s from one address; use them all up on runtime a.
    const again = new Client(a.app);
    const codes = [];
    for (let i = 0; i < 3; i++)
      codes.push(
        (await again.post('/api/auth/sign-in/email', { email: 'admin@acme.test', password: PASSWORD }))
          .statusCode,
      );
    expect(codes.at(-1)).toBe(429);
    // Runtime b, same address, same seconds: its own first sign-ins go through.
    await setupAdmin(b, 'other', 'admin@other.test');
    const c = new Client(b.app);
    expect(
      (await c.post('/api/auth/sign-in/email', { email: 'admin@other.test', password: PASSWORD })).statusCode,
    ).toBe(200);
  });
});
