import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { type ConfigOverrides, loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';
import { checkResponses } from './response-check.ts';

export type Kind = 'sqlite' | 'postgres';
export const kinds: Kind[] = ['sqlite', 'postgres'];
export const postgresUrl = () => inject('postgresUrl');
/** PostgreSQL variants run when the cluster started; under CI its absence already failed the run. */
export const hasKind = (kind: Kind) => kind === 'sqlite' || postgresUrl() !== null;

export const ORIGIN = 'http://localhost:3999';

/**
 * What every test runtime is configured with: test-only argon2 parameters (refused outside NODE_ENV=test,
 * docs/decisions/0004-fast-password-hashing-in-tests.md), silent logs. The CLI processes get the same
 * variable from vitest.config.ts.
 */
export const testEnv = {
  NODE_ENV: 'test',
  CLOSELOOP_PASSWORD_HASHING: 'fast-test-only',
  LOG_LEVEL: 'silent',
} as const;

/** The configuration a test runtime starts from; `env` adds or overrides variables. */
export function testConfig(db: ConfigOverrides, env: Record<string, string> = {}) {
  return loadConfig({ ...testEnv, ...env }, db);
}

/** A fresh, empty database of the given kind: a new SQLite file, or a new database in the test cluster. */
export async function freshDatabase(kind: Kind): Promise<{ dataDir: string; databaseUrl?: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-test-'));
  if (kind === 'sqlite') return { dataDir };
  const base = postgresUrl();
  if (!base) throw new Error('PostgreSQL cluster not available');
  const name = `t_${Math.random().toString(36).slice(2, 12)}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return { dataDir, databaseUrl: base.replace(/\/postgres$/, `/${name}`) };
}

/**
 * A fresh database already at the latest migration: a copy of the run's migrated template (SQLite file copy,
 * PostgreSQL `CREATE DATABASE … TEMPLATE`). For tests about migrations themselves use `freshDatabase`.
 */
export async function migratedDatabase(kind: Kind): Promise<{ dataDir: string; databaseUrl?: string }> {
  const templates = inject('templates');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-test-'));
  if (kind === 'sqlite') {
    fs.copyFileSync(templates.sqlite, path.join(dataDir, 'closeloop.db'));
    return { dataDir };
  }
  const base = postgresUrl();
  if (!base || !templates.postgres) throw new Error('PostgreSQL cluster not available');
  const name = `t_${Math.random().toString(36).slice(2, 12)}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`create database ${name} template ${templates.postgres}`);
  await client.end();
  return { dataDir, databaseUrl: base.replace(/\/postgres$/, `/${name}`) };
}

export interface TestApp {
  kind: Kind;
  rt: Runtime;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startTestApp(kind: Kind, env: Record<string, string> = {}): Promise<TestApp> {
  const db = await migratedDatabase(kind);
  const config = testConfig(db, {
    PUBLIC_URL: ORIGIN,
    CLOSELOOP_RATE_LIMIT: 'off',
    CLOSELOOP_SECRET: 'test-secret-test-secret-test-secret!!',
    ...env,
  });
  const rt = await createRuntime(config, { migrate: true, logger: pino({ level: 'silent' }) });
  const app = await buildApp(rt, { version: 'test' });
  const prepareCheck = checkResponses(app);
  await app.ready();
  prepareCheck();
  return {
    kind,
    rt,
    app,
    async close() {
      await app.close();
      await rt.close();
    },
  };
}

/** A browser-like client: keeps cookies and sends Origin on every request, as Chromium does. */
export class Client {
  cookies = new Map<string, string>();
  constructor(
    readonly app: FastifyInstance,
    readonly bearer?: string,
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        origin: ORIGIN,
        ...(this.cookies.size > 0
          ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
          : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    this.keepCookies(res);
    return res;
  }

  private keepCookies(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.value === '' || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  async signIn(email: string, password: string) {
    const res = await this.post('/api/auth/sign-in/email', { email, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return res.json() as { twoFactorRedirect?: boolean };
  }
}

export const PASSWORD = 'correct horse battery staple';

/** Completes first-run setup and returns a signed-in admin client. */
export async function setupAdmin(t: TestApp, slug = 'acme', email = 'admin@acme.test') {
  const c = new Client(t.app);
  const res = await c.post('/api/v1/setup', {
    name: 'Ada Admin',
    email,
    password: PASSWORD,
    organisationName: `${slug} Ltd`,
    organisationSlug: slug,
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  await c.signIn(email, PASSWORD);
  return c;
}

/** Invites `email` with `role` into `slug` and accepts through the link read from the outbox. */
export async function addMember(t: TestApp, admin: Client, slug: string, email: string, role: string) {
  const inv = await admin.post(`/api/v1/orgs/${slug}/invitations`, { email, role });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.body}`);
  const token = await lastInvitationToken(t, email);
  const c = new Client(t.app);
  const res = await c.post('/api/v1/invitations/accept', {
    token,
    name: email.split('@')[0],
    password: PASSWORD,
  });
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.body}`);
  await c.signIn(email, PASSWORD);
  return c;
}

export async function lastInvitationToken(t: TestApp, email: string): Promise<string> {
  const row = await t.rt.database.db
    .selectFrom('mail_outbox')
    .select('body_text')
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const m = /token=([A-Za-z0-9_-]+)/.exec(row.body_text);
  if (!m) throw new Error(`no invitation link in mail to ${email}`);
  return m[1]!;
}
