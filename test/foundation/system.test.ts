import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { latestMigration } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/http/app.ts';
import { argon2Parameters } from '../../src/http/auth.ts';
import { createRuntime } from '../../src/runtime.ts';
import { cli } from '../support/cli.ts';
import {
  Client,
  freshDatabase,
  hasKind,
  kinds,
  ORIGIN,
  PASSWORD,
  setupAdmin,
  startTestApp,
  testConfig,
} from '../support/harness.ts';
import { freePort } from '../support/postgres-cluster.ts';

describe('configuration', () => {
  it('names each bad variable in one clear message', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CLOSELOOP_SECRET: 'short' }),
    ).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT: /);
      expect((err as Error).message).toMatch(/DATABASE_URL: must start with postgres:\/\//);
    }
  });
  it('reads a variable set to the empty string as unset', () => {
    const c = loadConfig({
      PORT: '',
      CLOSELOOP_PASSWORD_HASHING: '',
      LOG_LEVEL: '',
      CLOSELOOP_MAX_UPLOAD_MB: '',
    });
    expect(c.port).toBe(loadConfig({}).port);
    expect(c.passwordHashing).toBe('standard');
    expect(c.maxUploadBytes).toBe(25 * 1024 * 1024);
  });
  it('refuses test-only password hashing outside the test suite', () => {
    for (const NODE_ENV of [undefined, 'production', 'development']) {
      expect(() =>
        loadConfig({ CLOSELOOP_PASSWORD_HASHING: 'fast-test-only', ...(NODE_ENV ? { NODE_ENV } : {}) }),
      ).toThrowError(/CLOSELOOP_PASSWORD_HASHING: fast-test-only .*\(NODE_ENV=test\)/);
    }
    expect(loadConfig({ NODE_ENV: 'test' }).passwordHashing).toBe('standard');
    expect(
      loadConfig({ CLOSELOOP_PASSWORD_HASHING: 'fast-test-only', NODE_ENV: 'test' }).passwordHashing,
    ).toBe('fast-test-only');
  });
  it('hashes passwords with the OWASP argon2id parameters by default', async () => {
    const stored = await hash(PASSWORD, argon2Parameters(loadConfig({}).passwordHashing));
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hash(PASSWORD, argon2Parameters('fast-test-only'))).toMatch(
      /^\$argon2id\$v=19\$m=8,t=1,p=1\$/,
    );
  });
  it('defaults to ./data and port 3000 on localhost', () => {
    const c = loadConfig({});
    expect(c.dataDir).toBe(path.resolve('data'));
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
  });
});

describe('the closeloop command', () => {
  it('exits 2 with one line on bad arguments, and prints help', async () => {
    const bad = await cli(['org', 'create', '--slug', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/missing --name/);
    expect((await cli(['serve', '--bogus'])).code).toBe(2);
    expect((await cli(['no-such-command'])).code).toBe(2);
    const help = await cli(['org', 'create', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--admin-email/);
    expect((await cli(['--help'])).stdout).toMatch(/audit-log verify/);
  });

  for (const kind of kinds) {
    it.runIf(hasKind(kind))(
      `migrates, creates an organisation and refuses a newer database on ${kind}`,
      async () => {
        const db = await freshDatabase(kind);
        const flags = [
          '--data-dir',
          db.dataDir,
          ...(db.databaseUrl ? ['--database-url', db.databaseUrl] : []),
        ];
        expect((await cli(['migrate', ...flags])).stdout).toMatch(
          /^applied 0001-accounts, 0002-organisations/,
        );
        expect((await cli(['migrate', ...flags])).stdout).toMatch(/^up to date/);
        const created = await cli([
          'org',
          'create',
          '--slug',
          'acme',
          '--name',
          'Acme',
          '--admin-email',
          'a@acme.test',
          '--admin-password',
          'long enough password',
          ...flags,
        ]);
        expect(created.code).toBe(0);
        expect(JSON.parse(created.stdout)).toMatchObject({
          slug: 'acme',
          name: 'Acme',
          admin: { email: 'a@acme.test' },
        });
        const dup = await cli([
          'org',
          'create',
          '--slug',
          'acme',
          '--name',
          'Again',
          '--admin-email',
          'a@acme.test',
          '--admin-password',
          'long enough password',
          ...flags,
        ]);
        expect(dup.code).toBe(1);
        expect(dup.stderr).toMatch(/slug acme is taken/);
        const rt = await createRuntime(testConfig(db), { migrate: false });
        await rt.database.db
          .insertInto('kysely_migration' as never)
          .values({ name: '9999-from-the-future', timestamp: new Date().toISOString() } as never)
          .execute();
        await rt.close();
        const refused = await cli(['migrate', ...flags]);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(
          /newer release.*9999-from-the-future|9999-from-the-future.*newer release/s,
        );
      },
      // Five commands in-process, each opening the database and checking its migrations.
      30_000,
    );
  }
});

describe('HTTP edge', () => {
  // Migrates a database and builds the app inside the test: seconds on a loaded machine.
  it('reports health, serves OpenAPI 3.1, and hides unknown errors behind a log id', async () => {
    const db = await freshDatabase('sqlite');
    const rt = await createRuntime(testConfig(db, { PUBLIC_URL: ORIGIN }), {
      migrate: true,
      logger: pino({ level: 'silent' }),
    });
    const app = await buildApp(rt, { version: 'test' });
    app.get('/api/v1/explode', { config: { policy: 'public' } }, async () => {
      throw new Error('secret internal detail');
    });
    await app.ready();
    const c = new Client(app);
    expect((await c.get('/api/health')).json()).toEqual({
      status: 'ok',
      version: 'test',
      database: { kind: 'sqlite', migration: latestMigration, pending: 0 },
    });
    const spec = (await c.get('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/orgs/{org}/members', '/api/v1/orgs/{org}/audit-log']),
    );
    const docs = await c.get('/api/docs');
    expect(docs.statusCode).toBe(302);
    expect(docs.headers.location).toBe('/docs/api');
    const boom = await c.get('/api/v1/explode');
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('secret internal detail');
    expect(boom.json()).toMatchObject({ code: 'internal', status: 500 });
    expect(boom.json().logId).toMatch(/^[0-9a-f-]{36}$/);
    // The security headers are on every answer, errors included (set at onRequest, src/http/security-headers.ts).
    for (const answer of [boom, docs, await c.get('/api/no-such-route')])
      expect(String(answer.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
    const headers = (await c.get('/api/health')).headers;
    expect(String(headers['content-security-policy'])).toMatch(/script-src 'self'/);
    expect(String(headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
    await app.close();
    await rt.close();
  }, 30_000);
});

describe('mail', () => {
  // Migrates a database and builds the app inside the test: seconds on a loaded machine.
  it('delivers through real SMTP and keeps only the envelope', async () => {
    const received: { to: string; body: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let body = '';
        stream.on('data', (d: Buffer) => {
          body += d.toString();
        });
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          done();
        });
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const t = await startTestApp('sqlite', {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_FROM: 'closeloop <cl@acme.test>',
    });
    try {
      const admin = await setupAdmin(t);
      expect(
        (await admin.post('/api/v1/orgs/acme/invitations', { email: 'new@acme.test', role: 'viewer' }))
          .statusCode,
      ).toBe(201);
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toBe('new@acme.test');
      // undo quoted-printable (RFC 2045 6.7): soft line breaks and "=3D"
      const text = received[0]!.body.replace(/=\r\n/g, '').replace(/=3D/g, '=');
      expect(text).toMatch(/invite\?token=[A-Za-z0-9_-]{40}/);
      const outbox = (await admin.get('/api/v1/orgs/acme/mail-outbox')).json().items;
      expect(outbox[0]).toMatchObject({ to: 'new@acme.test', status: 'sent' });
      expect(outbox[0].body).not.toMatch(/token=/);
    } finally {
      await t.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 30_000);
});

describe('data folder', () => {
  // Migrates a database inside the test: seconds on a loaded machine.
  it('keeps the SQLite file and the signing key in the data folder, the key owner-only', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-data-'));
    const rt = await createRuntime(testConfig({ dataDir }), {
      migrate: true,
      logger: pino({ level: 'silent' }),
    });
    await rt.close();
    expect(fs.existsSync(path.join(dataDir, 'closeloop.db'))).toBe(true);
    expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
  }, 30_000);
});
