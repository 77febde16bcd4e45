import { expect } from 'vitest';
import { Client, PASSWORD, type TestApp } from './harness.ts';

/**
 * With "SSO required" on: a member who also has a password (as if set before SSO was required) is refused
 * with 403 and no session; the admin's password still opens one (break-glass). Shared by both protocols.
 */
export async function expectPasswordRefusedButBreakGlass(t: TestApp, memberEmail: string) {
  const member = await t.rt.database.db
    .selectFrom('user')
    .select('id')
    .where('email', '=', memberEmail)
    .executeTakeFirstOrThrow();
  const ctx = await t.rt.auth.$context;
  await ctx.internalAdapter.linkAccount({
    userId: member.id,
    providerId: 'credential',
    accountId: member.id,
    password: await ctx.password.hash(PASSWORD),
  });
  const refused = await new Client(t.app).post('/api/auth/sign-in/email', {
    email: memberEmail,
    password: PASSWORD,
  });
  expect(refused.statusCode).toBe(403);
  expect(refused.json().detail).toMatch(/company account/);
  expect(refused.headers['set-cookie'] ?? '').not.toMatch(/session_token=[^;]/);
  const breakGlass = await new Client(t.app).post('/api/auth/sign-in/email', {
    email: 'admin@acme.test',
    password: PASSWORD,
  });
  expect(breakGlass.statusCode).toBe(200);
}

/** A second organisation claiming an email domain the first one routes: 409 on `body/domain`. */
export async function expectDomainClaimRefused(admin: Client, protocol: 'oidc' | 'saml', body: object) {
  const other = await admin.post('/api/v1/organisations', { name: 'Other Ltd', slug: 'other' });
  expect([200, 201]).toContain(other.statusCode);
  const res = await admin.put(`/api/v1/orgs/other/sso/${protocol}`, body);
  expect(res.statusCode).toBe(409);
  expect(res.json().errors[0]).toMatchObject({ path: 'body/domain' });
}
