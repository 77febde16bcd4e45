import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeQueries } from '../../src/db/connection.ts';
import { Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

// Issue #16: the gate reads the session cookie itself (src/http/session-cookie.ts) instead of asking
// better-auth's router on every request. What a session cookie opens must not change: a cookie whose
// signature does not verify, a session signed out or revoked, an expired one are refused at once, and a
// session due for its hourly refresh is still refreshed by better-auth.

const TOKEN_COOKIE = 'better-auth.session_token';
const HOUR = 3_600_000;
const page = '/api/v1/orgs/acme/audits';

async function signedIn(t: TestApp, cookieName = TOKEN_COOKIE) {
  const c = new Client(t.app);
  await c.signIn('admin@acme.test', 'correct horse battery staple');
  const signed = c.cookies.get(cookieName);
  if (!signed) throw new Error(`no ${cookieName} cookie after sign-in: ${[...c.cookies.keys()]}`);
  const token = decodeURIComponent(signed).split('.')[0]!;
  return { c, signed, token };
}

const sessionRow = (t: TestApp, token: string) =>
  t.rt.database.db
    .selectFrom('session')
    .select(['id', 'expiresAt'])
    .where('token', '=', token)
    .executeTakeFirst();

const setExpiry = (t: TestApp, token: string, at: number) =>
  t.rt.database.db
    .updateTable('session')
    .set({ expiresAt: new Date(at).toISOString() })
    .where('token', '=', token)
    .execute();

async function statementsOf(run: () => Promise<unknown>) {
  const seen: string[] = [];
  const stop = observeQueries((sql) => seen.push(sql));
  try {
    await run();
  } finally {
    stop();
  }
  return seen;
}

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`the gate's session cookie on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind);
      await setupAdmin(t);
    });
    afterAll(async () => t?.close());

    it('a live session opens the gate with one statement for the session and its person, no write', async () => {
      const { c } = await signedIn(t);
      await c.get(page);
      const seen = await statementsOf(async () => expect((await c.get(page)).statusCode).toBe(200));
      // better-auth's getSession read the session, then the user, in two statements.
      expect(seen.filter((q) => /"session"|"user"/.test(q))).toHaveLength(1);
      expect(seen.filter((q) => /^(update|delete|insert)/i.test(q))).toEqual([]);
    });

    it('a cookie whose signature does not verify is refused', async () => {
      const { c, signed, token } = await signedIn(t);
      const [, signature] = decodeURIComponent(signed).split('.');
      const flipped = `${signature![0] === 'A' ? 'B' : 'A'}${signature!.slice(1)}`;
      const other = await signedIn(t);
      for (const forged of [
        `${token}.${flipped}`, // the signature altered
        `${other.token}.${signature}`, // another session's token under this one's signature
        token, // the bare token, as a copy of the session table holds it
        `${token}.`,
      ]) {
        c.cookies.set(TOKEN_COOKIE, encodeURIComponent(forged));
        expect((await c.get(page)).statusCode, forged).toBe(401);
        expect((await c.get('/api/v1/me')).statusCode, forged).toBe(401);
      }
      c.cookies.set(TOKEN_COOKIE, signed);
      expect((await c.get(page)).statusCode).toBe(200);
    });

    it('a signed-out or revoked session is refused at once', async () => {
      const { c, signed } = await signedIn(t);
      const replay = new Client(t.app);
      replay.cookies.set(TOKEN_COOKIE, signed);
      expect((await replay.get(page)).statusCode).toBe(200);
      expect((await c.post('/api/auth/sign-out')).statusCode).toBe(200);
      expect((await replay.get(page)).statusCode).toBe(401);

      const revoked = await signedIn(t);
      expect((await revoked.c.get(page)).statusCode).toBe(200);
      await t.rt.database.db.deleteFrom('session').where('token', '=', revoked.token).execute();
      expect((await revoked.c.get(page)).statusCode).toBe(401);
    });

    it('an expired session is refused, and better-auth removes it', async () => {
      const { c, token } = await signedIn(t);
      await setExpiry(t, token, Date.now() - 1000);
      expect((await c.get(page)).statusCode).toBe(401);
      expect(await sessionRow(t, token)).toBeUndefined();
    });

    it('a session due for its hourly refresh is refreshed: its expiry moves', async () => {
      const { c, token } = await signedIn(t);
      // Created 12 h before its expiry and last refreshed 61 minutes ago: better-auth's updateAge passed.
      const before = Date.now() + 12 * HOUR - 61 * 60_000;
      await setExpiry(t, token, before);
      expect((await c.get(page)).statusCode).toBe(200);
      const after = new Date((await sessionRow(t, token))!.expiresAt).getTime();
      expect(after - before).toBeGreaterThan(59 * 60_000);
      // Refreshed 59 minutes ago: not due, not written.
      const recent = Date.now() + 12 * HOUR - 59 * 60_000;
      await setExpiry(t, token, recent);
      expect((await c.get(page)).statusCode).toBe(200);
      expect(new Date((await sessionRow(t, token))!.expiresAt).getTime()).toBe(recent);
    });
  });

  describe.runIf(hasKind(kind))(`the gate's session cookie behind https on ${kind}`, () => {
    const origin = 'https://closeloop.test';
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind, { PUBLIC_URL: origin });
      const res = await new Client(t.app).request(
        'POST',
        '/api/v1/setup',
        {
          name: 'Ada Admin',
          email: 'admin@acme.test',
          password: 'correct horse battery staple',
          organisationName: 'acme Ltd',
          organisationSlug: 'acme',
        },
        { origin },
      );
      expect(res.statusCode, res.body).toBe(201);
    });
    afterAll(async () => t?.close());

    it('reads the __Secure- cookie better-auth sets, and only that one', async () => {
      const c = new Client(t.app);
      const res = await c.request(
        'POST',
        '/api/auth/sign-in/email',
        { email: 'admin@acme.test', password: 'correct horse battery staple' },
        { origin },
      );
      expect(res.statusCode, res.body).toBe(200);
      const signed = c.cookies.get(`__Secure-${TOKEN_COOKIE}`);
      expect(signed).toBeDefined();
      expect((await c.get(page)).statusCode).toBe(200);
      const plain = new Client(t.app);
      plain.cookies.set(TOKEN_COOKIE, signed!);
      expect((await plain.get(page)).statusCode).toBe(401);
    });
  });
}
