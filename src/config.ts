import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Fastify's `trustProxy`: off, a number of proxy hops, or the addresses (CIDR) of the proxies. */
export type TrustProxy = false | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function validProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `CLOSELOOP_TRUST_PROXY`: unset or `off` trusts no proxy (the socket's address is the client's); a hop
 * count trusts that many proxies in front; a comma-separated list of addresses or CIDR ranges trusts
 * only those. `true` (trust any sender of X-Forwarded-For) is refused: anyone could spoof an address.
 */
const trustProxySchema = z
  .string()
  .trim()
  .default('off')
  .transform((value, ctx): TrustProxy => {
    if (value === '' || value === 'off' || value === '0') return false;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 32) return hops;
    } else {
      const entries = value.split(',').map((e) => e.trim());
      const bad = entries.filter((e) => !validProxyAddress(e));
      if (bad.length === 0) return entries;
      ctx.addIssue({ code: 'custom', message: `not an IP address or CIDR range: ${bad.join(', ')}` });
      return z.NEVER;
    }
    ctx.addIssue({
      code: 'custom',
      message: 'must be off, a hop count (1-32) or a comma-separated list of proxy addresses/CIDR ranges',
    });
    return z.NEVER;
  });

// Configuration comes from the environment (12-factor) with CLI flags on top; every variable is validated
// at startup so that a bad value stops the process with one clear line instead of failing later.
const envSchema = z.object({
  CLOSELOOP_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'must start with postgres:// (leave it unset for the embedded SQLite database)',
    )
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.string().url('must be an absolute URL such as https://closeloop.example.com').optional(),
  CLOSELOOP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().min(3).default('closeloop <no-reply@localhost>'),
  // Brute-force protection of sign-in and reset endpoints; only test harnesses turn it off.
  CLOSELOOP_RATE_LIMIT: z.enum(['on', 'off']).default('on'),
  // Identity providers on private or loopback addresses that SSO may reach (comma-separated origins);
  // public issuers need no entry. Off by default against SSRF; the tests allow their loopback IdP.
  CLOSELOOP_SSO_ALLOW_ORIGINS: z.string().default(''),
  CLOSELOOP_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
  CLOSELOOP_TRUST_PROXY: trustProxySchema,
  // Webhook targets that are not public addresses (loopback, private, link-local, or CIDR ranges,
  // comma-separated): refused unless listed here (docs/guide/webhooks.md). Checked again at start.
  CLOSELOOP_WEBHOOK_ALLOW_PRIVATE: z.string().max(2000).default(''),
  // The instance operators (comma-separated emails of password accounts): they read and retry the dead
  // letters of the instance's own jobs in the browser (docs/guide/operations.md). Empty: nobody may.
  CLOSELOOP_OPERATORS: z
    .string()
    .max(2000)
    .default('')
    .refine(
      (v) =>
        v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
          .every((x) => /^[^\s@,]+@[^\s@,]+$/.test(x)),
      'must be comma-separated email addresses',
    ),
  // After SIGTERM, how long the instance keeps serving while failing readiness, so that the load
  // balancer notices before the listener closes. 0 (the default) closes at once; in-flight requests finish.
  CLOSELOOP_DRAIN_SECONDS: z.coerce.number().int().min(0).max(300).default(0),
  // Seconds a client has to send its request line and headers; a slow-loris client is cut off after it.
  CLOSELOOP_HEADERS_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(20),
  // Test suites only: cheap argon2id parameters so that a test making fifty people does not spend its time
  // hashing. Refused unless NODE_ENV=test as well (docs/decisions/0004-fast-password-hashing-in-tests.md).
  CLOSELOOP_PASSWORD_HASHING: z.enum(['standard', 'fast-test-only']).default('standard'),
  NODE_ENV: z.string().optional(),
});

export type Config = {
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  host: string;
  publicUrl: string;
  secret: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  smtp:
    | { host: string; port: number; secure: boolean; user?: string; password?: string; from: string }
    | undefined;
  mailFrom: string;
  maxUploadBytes: number;
  rateLimit: boolean;
  ssoAllowOrigins: string[];
  trustProxy: TrustProxy;
  /** CLOSELOOP_WEBHOOK_ALLOW_PRIVATE as written; '' allows public https targets only. */
  webhookAllowPrivate: string;
  /** CLOSELOOP_OPERATORS, lower-cased: who reads and retries the instance's dead letters ([] = nobody). */
  operators: string[];
  drainSeconds: number;
  headersTimeoutSeconds: number;
  /** `fast-test-only` only under NODE_ENV=test; every other process hashes with the OWASP parameters. */
  passwordHashing: 'standard' | 'fast-test-only';
};

export class ConfigError extends Error {}

export type ConfigOverrides = { dataDir?: string; databaseUrl?: string; port?: number; host?: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  // A variable set to the empty string (`PORT=` in a unit or compose file) means unset, as most tools read it.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`invalid configuration\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.CLOSELOOP_PASSWORD_HASHING === 'fast-test-only' && e.NODE_ENV !== 'test') {
    throw new ConfigError(
      'invalid configuration\n  CLOSELOOP_PASSWORD_HASHING: fast-test-only weakens every stored password and is ' +
        'accepted only by the test suite (NODE_ENV=test); unset it',
    );
  }
  const port = overrides.port ?? e.PORT;
  const host = overrides.host ?? e.HOST;
  const browserHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    dataDir: path.resolve(overrides.dataDir ?? e.CLOSELOOP_DATA_DIR),
    databaseUrl: overrides.databaseUrl ?? e.DATABASE_URL,
    port,
    host,
    publicUrl: (
      e.PUBLIC_URL ?? `http://${browserHost === '127.0.0.1' ? 'localhost' : browserHost}:${port}`
    ).replace(/\/$/, ''),
    secret: e.CLOSELOOP_SECRET,
    logLevel: e.LOG_LEVEL,
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE === 'true',
          ...(e.SMTP_USER ? { user: e.SMTP_USER } : {}),
          ...(e.SMTP_PASSWORD ? { password: e.SMTP_PASSWORD } : {}),
          from: e.SMTP_FROM,
        }
      : undefined,
    mailFrom: e.SMTP_FROM,
    maxUploadBytes: Math.round(e.CLOSELOOP_MAX_UPLOAD_MB * 1024 * 1024),
    rateLimit: e.CLOSELOOP_RATE_LIMIT === 'on',
    ssoAllowOrigins: e.CLOSELOOP_SSO_ALLOW_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: e.CLOSELOOP_TRUST_PROXY,
    webhookAllowPrivate: e.CLOSELOOP_WEBHOOK_ALLOW_PRIVATE,
    operators: e.CLOSELOOP_OPERATORS.split(',')
      .map((o) => o.trim().toLowerCase())
      .filter(Boolean),
    drainSeconds: e.CLOSELOOP_DRAIN_SECONDS,
    headersTimeoutSeconds: e.CLOSELOOP_HEADERS_TIMEOUT_SECONDS,
    passwordHashing: e.CLOSELOOP_PASSWORD_HASHING,
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const WILDCARD = new Set(['0.0.0.0', '::']);

/**
 * The origins a browser may send state-changing requests from (the CSRF check and better-auth's trusted
 * origins): PUBLIC_URL's, and the addresses the server itself listens on — `--host 127.0.0.1` is opened
 * as http://127.0.0.1:3102 as often as http://localhost:3102. A wildcard listener accepts the loopback
 * names only; any other name people use goes in PUBLIC_URL.
 */
export function acceptedOrigins(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string[] {
  const out = new Set([new URL(config.publicUrl).origin]);
  const at = (h: string) => `http://${h.includes(':') ? `[${h}]` : h}:${config.port}`;
  if (LOOPBACK.has(config.host) || WILDCARD.has(config.host)) for (const h of LOOPBACK) out.add(at(h));
  else out.add(at(config.host));
  return [...out];
}
