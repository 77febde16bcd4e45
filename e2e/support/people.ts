import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { type APIRequestContext, expect, request } from '@playwright/test';

export const PASSWORD = 'remediation password 2026';

/**
 * A second organisation for the remediation story, made the way an operator would: `closeloop org
 * create` against the running server's data folder, then invitations accepted through their links.
 */
export async function remediationTeam(
  baseURL: string,
  slug: string,
  people: { email: string; role: string }[],
) {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(
    'node',
    [
      'bin/closeloop.js',
      'org',
      'create',
      '--slug',
      slug,
      '--name',
      'Remediation Ltd',
      '--admin-email',
      `admin@${slug}.test`,
      '--admin-password',
      PASSWORD,
      '--data-dir',
      process.env.E2E_DATA_DIR ?? '',
    ],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  const admin = await signedIn(baseURL, `admin@${slug}.test`);
  for (const p of people) {
    expect((await admin.post(`/api/v1/orgs/${slug}/invitations`, { data: p })).status()).toBe(201);
    const outbox = await (await admin.get(`/api/v1/orgs/${slug}/mail-outbox`)).json();
    const mail = outbox.items.find((m: { to: string }) => m.to === p.email);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.body)![1];
    const anon = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    expect(
      (
        await anon.post('/api/v1/invitations/accept', {
          data: { token, name: p.email.split('@')[0], password: PASSWORD },
        })
      ).status(),
    ).toBe(200);
    await anon.dispose();
  }
  await admin.dispose();
}

export async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const res = await ctx.post('/api/auth/sign-in/email', { data: { email, password: PASSWORD } });
  expect(res.status()).toBe(200);
  return ctx;
}
