import { AsyncLocalStorage } from 'node:async_hooks';
import { sso } from '@better-auth/sso';
import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins';
import { acceptedOrigins, type Config } from '../config.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { openStoredConfig, sealStoredConfig } from '../domain/secrets/sso-config.ts';
import type { Mailer } from '../modules/mail/index.ts';
import { instanceAuthStorage, sharedAuthStorage } from '../modules/rate-limits/index.ts';

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB memory, 2 iterations, 1 lane.
const ARGON2 = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };
// Test suites only (config refuses it outside NODE_ENV=test): still argon2id, at its smallest cost, so the
// stored hashes have the same format and verification path. See docs/decisions/0004.
const ARGON2_FAST_TEST_ONLY = { algorithm: 2 as const, memoryCost: 8, timeCost: 1, parallelism: 1 };

export function argon2Parameters(hashing: Config['passwordHashing']) {
  return hashing === 'fast-test-only' ? ARGON2_FAST_TEST_ONLY : ARGON2;
}

/** Header carrying the socket's address into better-auth's request (rate limits, session records). */
export const CLIENT_IP_HEADER = 'x-closeloop-client-ip';

// Sign-in hashes the offered password of an unknown email too (so both answer in the same time); that
// hash is thrown away, so the strength rule must not answer it, or a weak guess would tell an unknown
// account (400 WEAK_PASSWORD) from a known one (401). OWASP Authentication Cheat Sheet, error messages.
const signingIn = new AsyncLocalStorage<true>();

/** Runs better-auth's sign-in: its throw-away hashes skip the strength rule that guards stored ones. */
export const duringSignIn = <T>(run: () => Promise<T>): Promise<T> => signingIn.run(true, run);

export interface AuthHooks {
  onSignIn(userId: string, ip: string | null): Promise<void>;
  /** After a sign-in through an organisation's identity provider: just-in-time membership. */
  onSsoSignIn(user: { id: string; email: string }, providerId: string): Promise<void>;
}

/**
 * The SSO plugin's provider row as stored: client secrets and private keys inside `oidcConfig` and
 * `samlConfig` sealed with the server key on every write, opened on every read the plugin makes.
 */
function sealedAtRest(plugin: ReturnType<typeof sso>, serverSecret: string) {
  const fields = plugin.schema.ssoProvider.fields;
  for (const name of ['oidcConfig', 'samlConfig'] as const) {
    const field = fields[name];
    if (!field) throw new Error(`the SSO plugin has no ${name} field to seal`);
    Object.assign(field, {
      transform: {
        input: (v: unknown) => (typeof v === 'string' ? sealStoredConfig(v, serverSecret) : v),
        output: (v: unknown) => (typeof v === 'string' ? openStoredConfig(v, serverSecret) : v),
      },
    });
  }
  return plugin;
}

export function createAuth(opts: {
  config: Config;
  secret: string;
  database: DatabaseHandle;
  mailer: Mailer;
  hooks: AuthHooks;
}) {
  const { config, database, mailer, hooks } = opts;
  const argon2 = argon2Parameters(config.passwordHashing);
  return betterAuth({
    appName: 'closeloop',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: opts.secret,
    database: { db: database.db, type: database.kind },
    telemetry: { enabled: false },
    trustedOrigins: [...acceptedOrigins(config), ...config.ssoAllowOrigins],
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      // Accounts are created by first-run setup, invitations or the CLI, never by open sign-up.
      autoSignIn: false,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      password: {
        // Every path that sets a password (setup, invitations, CLI, reset, change) hashes it here first.
        hash: async (password) => {
          // zxcvbn's dictionaries (decompressed at load) come in with the first password set, not at start.
          const weakness = signingIn.getStore()
            ? null
            : (await import('../domain/secrets/password-strength.ts')).passwordWeakness(password);
          if (weakness) throw new APIError('BAD_REQUEST', { message: weakness, code: 'WEAK_PASSWORD' });
          return hash(password, argon2);
        },
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
      async sendResetPassword({ user, url }) {
        await mailer.send({
          to: user.email,
          subject: 'Reset your closeloop password',
          text: `Someone asked to reset the password of ${user.email} on closeloop.\n\nOpen this link within one hour to choose a new password:\n${url}\n\nIf it was not you, ignore this message; your password stays as it is.`,
        });
      },
    },
    // Reset and verification tokens are stored as hashes, like every other secret here.
    verification: { storeIdentifier: 'hashed' },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60, cookieCache: { enabled: false } },
    advanced: {
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      // Set by our own mount from the socket address (src/http/auth-routes.ts), never from the client.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
    },
    // On PostgreSQL the limits are counted in the database: N instances give the allowance of one (#17);
    // on SQLite in this runtime's memory (one instance; nothing to share).
    rateLimit: {
      enabled: config.rateLimit,
      window: 60,
      max: 100,
      customStorage: database.kind === 'postgres' ? sharedAuthStorage(database.db) : instanceAuthStorage(),
    },
    plugins: [
      twoFactor({ issuer: 'closeloop' }),
      // Providers are configured per organisation through closeloop's own admin routes
      // (src/modules/sso), never through the plugin's registration endpoint; every sign-in provisions.
      sealedAtRest(
        sso({
          providersLimit: 0,
          provisionUserOnEveryLogin: true,
          provisionUser: ({ user, provider }) =>
            hooks.onSsoSignIn({ id: user.id, email: user.email }, provider.providerId),
          // SAML 2.0: an assertion without NotBefore/NotOnOrAfter is refused; the plugin's skew is the
          // widest an admin may choose (5 min), the organisation's own is enforced before it (sso.saml.ts).
          // SP-initiated only: a response must answer a request of ours (InResponseTo), once.
          saml: { clockSkew: 300_000, requireTimestamps: true, allowIdpInitiated: false },
        }),
        opts.secret,
      ),
    ],
    databaseHooks: {
      session: {
        create: {
          async after(session) {
            await hooks.onSignIn(session.userId, (session.ipAddress as string | null | undefined) ?? null);
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
