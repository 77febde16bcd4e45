import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  Client,
  hasKind,
  kinds,
  PASSWORD,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';

// RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) computed independently of the server's implementation.
function totp(base32Secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of base32Secret.replace(/=+$/, '').toUpperCase())
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1]! & 0xf;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`accounts on ${kind}`, () => {
    // Set up once; a test that changes a person's credentials (second factor, reset) uses its own person.
    let t: TestApp;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t);
    });
    afterAll(async () => t?.close());

    // Migrates a database and builds the app inside the test: seconds on a loaded machine.
    it('offers first-run setup once, then refuses it', async () => {
      const own = await startTestApp(kind);
      try {
        const anon = new Client(own.app);
        expect((await anon.get('/api/v1/setup')).json()).toEqual({ needsSetup: true });
        await setupAdmin(own);
        expect((await anon.get('/api/v1/setup')).json()).toEqual({ needsSetup: false });
        const again = await anon.post('/api/v1/setup', {
          name: 'Eve',
          email: 'eve@x.test',
          password: PASSWORD,
          organisationName: 'Eve Ltd',
          organisationSlug: 'eve',
        });
        expect(again.statusCode).toBe(409);
        expect(again.json().code).toBe('setup_already_done');
      } finally {
        await own.close();
      }
    }, 30_000);

    it('stores an argon2id hash, never the password', async () => {
      const row = await t.rt.database.db
        .selectFrom('account' as never)
        .select('password' as never)
        .executeTakeFirstOrThrow();
      expect(String((row as { password: string }).password)).toMatch(/^\$argon2id\$/);
    });

    it('keeps sessions in HttpOnly SameSite cookies and ends them on the server at sign-out', async () => {
      const c = new Client(t.app);
      const res = await c.post('/api/auth/sign-in/email', { email: 'admin@acme.test', password: PASSWORD });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect((await c.get('/api/v1/me')).statusCode).toBe(200);
      const saved = new Map(c.cookies);
      expect((await c.post('/api/auth/sign-out')).statusCode).toBe(200);
      c.cookies = saved; // replay the old cookie: the server must have ended the session
      expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    });

    it('refuses open sign-up', async () => {
      const res = await new Client(t.app).post('/api/auth/sign-up/email', {
        name: 'x',
        email: 'x@x.test',
        password: PASSWORD,
      });
      expect(res.statusCode).toBe(404);
    });

    it('records each sign-in in the audit trail', async () => {
      const c = new Client(t.app);
      await c.signIn('admin@acme.test', PASSWORD);
      const trail = (await c.get('/api/v1/orgs/acme/audit-log?action=auth.sign_in')).json();
      expect(trail.total).toBeGreaterThanOrEqual(2);
      expect(trail.items[0]).toMatchObject({ action: 'auth.sign_in', actor: 'admin@acme.test' });
    });

    it('asks for a TOTP code once the second factor is on', async () => {
      const c = await addMember(t, admin, 'acme', 'totp@acme.test', 'viewer');
      const enabled = await c.post('/api/auth/two-factor/enable', { password: PASSWORD });
      expect(enabled.statusCode).toBe(200);
      const secret = new URL(enabled.json().totpURI).searchParams.get('secret')!;
      expect((await c.post('/api/auth/two-factor/verify-totp', { code: totp(secret) })).statusCode).toBe(200);
      const fresh = new Client(t.app);
      expect(await fresh.signIn('totp@acme.test', PASSWORD)).toMatchObject({ twoFactorRedirect: true });
      expect((await fresh.get('/api/v1/me')).statusCode).toBe(401);
      expect((await fresh.post('/api/auth/two-factor/verify-totp', { code: '000000' })).statusCode).toBe(401);
      // The code of the next step: the one used to turn TOTP on is spent (RFC 6238 §5.2).
      const next = totp(secret, Date.now() + 30_000);
      expect((await fresh.post('/api/auth/two-factor/verify-totp', { code: next })).statusCode).toBe(200);
      expect((await fresh.get('/api/v1/me')).json().user.twoFactorEnabled).toBe(true);
      expect((await fresh.post('/api/auth/two-factor/disable', { password: PASSWORD })).statusCode).toBe(200);
    });

    it('resets a password through the emailed link, once', async () => {
      await addMember(t, admin, 'acme', 'reset@acme.test', 'viewer');
      const anon = new Client(t.app);
      const req = await anon.post('/api/auth/request-password-reset', {
        email: 'reset@acme.test',
        redirectTo: '/reset-password',
      });
      expect(req.statusCode).toBe(200);
      const mail = await t.rt.database.db
        .selectFrom('mail_outbox')
        .select('body_text')
        .where('subject', 'like', 'Reset%')
        .where('to_address', '=', 'reset@acme.test')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail.body_text)![1]!;
      const stored = await t.rt.database.db
        .selectFrom('verification' as never)
        .selectAll()
        .execute();
      expect(JSON.stringify(stored)).not.toContain(token);
      const next = 'a brand new passphrase';
      expect((await anon.post('/api/auth/reset-password', { newPassword: next, token })).statusCode).toBe(
        200,
      );
      expect(
        (await anon.post('/api/auth/reset-password', { newPassword: 'yet another phrase', token }))
          .statusCode,
      ).toBe(400);
      await expect(new Client(t.app).signIn('reset@acme.test', PASSWORD)).rejects.toThrow(/sign-in failed/);
      const back = new Client(t.app);
      await back.signIn('reset@acme.test', next);
      expect(
        (await back.post('/api/auth/change-password', { currentPassword: next, newPassword: PASSWORD }))
          .statusCode,
      ).toBe(200);
    });

    it('refuses a state-changing request from a foreign origin', async () => {
      const c = new Client(t.app);
      await c.signIn('admin@acme.test', PASSWORD);
      const res = await c.request(
        'PUT',
        '/api/v1/orgs/acme/settings',
        { name: 'x', timezone: 'UTC', holidays: [] },
        {
          origin: 'https://evil.example',
        },
      );
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('origin_rejected');
    });
  });
}

describe('brute-force protection', () => {
  // Migrates a database and builds the app inside the test: seconds on a loaded machine.
  it('throttles repeated failed sign-ins by default', async () => {
    const t = await startTestApp('sqlite', { CLOSELOOP_RATE_LIMIT: 'on' });
    try {
      await setupAdmin(t);
      const c = new Client(t.app);
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        codes.push(
          (await c.post('/api/auth/sign-in/email', { email: 'admin@acme.test', password: 'wrong password!' }))
            .statusCode,
        );
      }
      expect(codes).toContain(429);
    } finally {
      await t.close();
    }
  }, 30_000);
});
