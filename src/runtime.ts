import pino, { type Logger } from 'pino';
import { acceptedOrigins, type Config, ConfigError } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/connection.ts';
import { assertNotNewer, type MigrationLevel, migrateToLatest, migrationLevel } from './db/migrate.ts';
import type { Auth } from './http/auth.ts';
import { loadOrCreateSecret } from './http/secret.ts';
import { presentedCertificate } from './modules/certificates/index.ts';
import { type AppEnv, type OrgContext, onAuditedChange, onCommittedChange } from './modules/context.ts';
import { presentedEvidence } from './modules/evidence/index.ts';
import { presentedFinding } from './modules/findings/index.ts';
import { createMailer } from './modules/mail/index.ts';
import { markChanged } from './modules/posture/index.ts';
import { presentedCapRevision } from './modules/reports/index.ts';
import { recordWebhookEvents, registerWebhookSubject, targetPolicy } from './modules/webhooks/index.ts';

/**
 * What every command needs: one database, one mailer, the change listeners. Most CLI commands stop here;
 * they never sign anybody in, so they do not load better-auth and the SSO stack (#15: a command's start).
 */
export interface CoreRuntime {
  config: Config;
  database: DatabaseHandle;
  env: AppEnv;
  /** The instance's server secret (sessions, webhook and backup keys): read once, at start. */
  secret: string;
  log: Logger;
  /** The migration level this instance checked at start: `GET /api/health` answers from it, no query. */
  migration: MigrationLevel;
  /** Set on SIGTERM: `GET /api/ready` fails at once so a load balancer stops sending new requests. */
  lifecycle: { draining: boolean };
  close(): Promise<void>;
}

/** The composition root of the server (and of the commands that make accounts): the core and auth. */
export interface Runtime extends CoreRuntime {
  auth: Auth;
}

/**
 * `/api/v1/calendar/<token>` → `/api/v1/calendar/[redacted]`, the same for a trust page's share link
 * (`/trust/<slug>/s/<token>`) and sign-in link (`/trust/<slug>/i/<token>`), and any `token=` in a query.
 */
export function redactCapabilityUrl(url: string): string {
  return url
    .replace(/^(\/api\/v1\/calendar\/)[^/?#]+/, '$1[redacted]')
    .replace(/^(\/(?:api\/v1\/)?trust\/[^/]+\/[si]\/)[^/?#]+/, '$1[redacted]')
    .replace(/([?&](?:token|passcode)=)[^&#]*/gi, '$1[redacted]');
}

export function createLogger(config: Config): Logger {
  return pino({
    level: config.logLevel,
    // Never log credentials: cookies, bearer tokens, passwords, invitation and share tokens.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        'body',
      ],
      censor: '[redacted]',
    },
    // Capability URLs (calendar feeds, share links) carry their secret in the path: never log it.
    serializers: {
      req: (req: { method?: string; url?: string; host?: string; ip?: string }) => ({
        method: req.method,
        url: redactCapabilityUrl(req.url ?? ''),
        host: req.host,
        remoteAddress: req.ip,
      }),
    },
  });
}

let changeLog: Pick<Logger, 'error'> | undefined;
/** One listener for every runtime of the process (the set keeps it once); a failure is logged. */
const markChangedLogged = (ctx: OrgContext) =>
  markChanged(ctx).catch((err) =>
    changeLog?.error(
      { err, organisation: ctx.organisation.slug },
      'change not marked for the posture refresh',
    ),
  );

export interface RuntimeOptions {
  migrate: boolean;
  logger?: Logger;
}

export async function createCoreRuntime(
  config: Config,
  options: RuntimeOptions = { migrate: true },
): Promise<CoreRuntime> {
  const log = options.logger ?? createLogger(config);
  // Info, not warn: the CLI logs at warn and its stdout is JSON for automation; a server shows it.
  if (config.passwordHashing === 'fast-test-only') {
    log.info('CLOSELOOP_PASSWORD_HASHING=fast-test-only: passwords are hashed with test-only parameters');
  }
  try {
    targetPolicy(config.webhookAllowPrivate);
  } catch (err) {
    throw new ConfigError(`invalid configuration\n  ${(err as Error).message}`);
  }
  const database = openDatabase(config);
  const secret = loadOrCreateSecret(config.dataDir, config.secret);
  let migration: MigrationLevel;
  try {
    if (options.migrate) {
      const applied = await migrateToLatest(database.db, { serverSecret: secret });
      // Several instances starting together: the one that took the migration lock says what it applied.
      if (applied.length > 0) log.info({ applied }, `migrations applied: ${applied.length}`);
    } else await assertNotNewer(database.db);
    migration = await migrationLevel(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  // A committed change only marks its organisation; the `posture-refresh` job (src/modules/jobs) records
  // the figures that moved, at most once a minute per organisation, off the request path (#6, #16).
  changeLog = log;
  onCommittedChange(markChangedLogged);
  const mailer = createMailer(config, database.db, log);
  const env: AppEnv = {
    mailer,
    publicUrl: config.publicUrl,
    acceptedOrigins: acceptedOrigins(config),
    serverSecret: secret,
    webhookAllowPrivate: config.webhookAllowPrivate,
    ssoAllowOrigins: config.ssoAllowOrigins,
    operators: config.operators,
  };
  // Changes that are webhook events write them to the outbox in their own transaction (#20).
  onAuditedChange(recordWebhookEvents);
  // Their payloads are built by the API's presenters of the records they name.
  registerWebhookSubject('finding', presentedFinding);
  registerWebhookSubject('cap', presentedCapRevision);
  registerWebhookSubject('evidence', presentedEvidence);
  registerWebhookSubject('certificate', presentedCertificate);
  return {
    config,
    database,
    env,
    secret,
    log,
    migration,
    lifecycle: { draining: false },
    close: () => database.close(),
  };
}

export async function createRuntime(
  config: Config,
  options: RuntimeOptions = { migrate: true },
): Promise<Runtime> {
  const core = await createCoreRuntime(config, options);
  try {
    const [{ createAuth }, { recordSignIn }, { provisionSsoMember }] = await Promise.all([
      import('./http/auth.ts'),
      import('./modules/accounts/index.ts'),
      import('./modules/sso/index.ts'),
    ]);
    const { database, env } = core;
    const auth = createAuth({
      config,
      secret: core.secret,
      database,
      mailer: env.mailer,
      hooks: {
        onSignIn: (userId, ip) => recordSignIn(database, env, userId, ip),
        onSsoSignIn: (user, providerId) => provisionSsoMember(database, env, user, providerId),
      },
    });
    return { ...core, auth };
  } catch (err) {
    await core.close();
    throw err;
  }
}
