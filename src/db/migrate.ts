import { type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import type { Db } from './connection.ts';
import * as accounts from './migrations/0001-accounts.ts';
import * as organisations from './migrations/0002-organisations.ts';
import * as findings from './migrations/0003-findings.ts';
import * as planning from './migrations/0004-planning.ts';
import * as isms from './migrations/0005-isms.ts';
import * as certification from './migrations/0006-certification.ts';
import * as posture from './migrations/0007-posture.ts';
import * as trust from './migrations/0008-trust.ts';
import * as certificateRules from './migrations/0009-certificate-rules.ts';
import * as hardening from './migrations/0010-hardening.ts';
import * as capRevisions from './migrations/0011-cap-revisions.ts';
import * as fileStore from './migrations/0012-file-store.ts';
import * as lifecycle from './migrations/0013-lifecycle.ts';
import * as scaleOut from './migrations/0017-scale-out.ts';
import * as ismsContextScores from './migrations/0018-isms-context-scores.ts';
import * as importMappings from './migrations/0019-import-mappings.ts';
import * as boundedReads from './migrations/0020-bounded-reads.ts';
import * as sso from './migrations/0021-sso.ts';
import * as webhooks from './migrations/0022-webhooks.ts';
import { sealingMigration } from './migrations/0023-sso-saml-sealed.ts';
import * as objectives from './migrations/0027-objectives.ts';
import * as jobFailureOrganisation from './migrations/0028-job-failure-organisation.ts';
import * as findingRequirementResolved from './migrations/0029-finding-requirement-resolved.ts';
import * as escalationGroups from './migrations/0030-escalation-groups.ts';

// One ordered list of migrations, shared by SQLite and PostgreSQL. Append only: never edit a shipped one.
export const migrations: Record<string, Migration> = {
  '0001-accounts': accounts,
  '0002-organisations': organisations,
  '0003-findings': findings,
  '0004-planning': planning,
  '0005-isms': isms,
  '0006-certification': certification,
  '0007-posture': posture,
  '0008-trust': trust,
  '0009-certificate-rules': certificateRules,
  '0010-hardening': hardening,
  '0011-cap-revisions': capRevisions,
  '0012-file-store': fileStore,
  '0013-lifecycle': lifecycle,
  '0017-scale-out': scaleOut,
  '0018-isms-context-scores': ismsContextScores,
  '0019-import-mappings': importMappings,
  '0020-bounded-reads': boundedReads,
  '0021-sso': sso,
  '0022-webhooks': webhooks,
  // Seals stored SSO secrets: bound to the server key by `migrateToLatest(db, { serverSecret })`.
  '0023-sso-saml-sealed': sealingMigration(undefined),
  '0027-objectives': objectives,
  '0028-job-failure-organisation': jobFailureOrganisation,
  '0029-finding-requirement-resolved': findingRequirementResolved,
  '0030-escalation-groups': escalationGroups,
};

/** What a data migration may need beyond the database: the server key that seals secrets (0023). */
export interface MigrationOptions {
  serverSecret?: string | undefined;
}

export const latestMigration = Object.keys(migrations).sort().at(-1) ?? '';

class StaticProvider implements MigrationProvider {
  constructor(private readonly options: MigrationOptions = {}) {}
  async getMigrations() {
    return { ...migrations, '0023-sso-saml-sealed': sealingMigration(this.options.serverSecret) };
  }
}

export class SchemaTooNewError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `the database has migrations this version of closeloop does not know (${unknown.join(', ')}); ` +
        'it was written by a newer release: upgrade closeloop, or restore a backup made for this version',
    );
  }
}

function migrator(db: Db, options: MigrationOptions = {}) {
  return new Migrator({ db, provider: new StaticProvider(options) });
}

/** Names of applied migrations, oldest first (empty on a fresh database). */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt).map((m) => m.name);
}

/** Refuses a database touched by newer code: its migration table lists names we do not ship. */
export async function assertNotNewer(db: Db): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return;
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const known = new Set(Object.keys(migrations));
  const unknown = rows.map((r) => r.name).filter((n) => !known.has(n));
  if (unknown.length > 0) throw new SchemaTooNewError(unknown);
}

/**
 * The fixed key of the session-level advisory lock every closeloop instance (and `closeloop migrate`)
 * takes around migrating a PostgreSQL database: ASCII "closeloop" folded into a signed 64-bit integer.
 * Kysely's own lock covers only its transaction, not the creation of its bookkeeping tables nor our
 * "is the database newer" check, so instances starting together could race on those.
 */
export const MIGRATION_LOCK_KEY = 0x636c6f73656c6f6fn;

/** Applies pending migrations; returns the names this call applied (empty when another instance did). */
export async function migrateToLatest(db: Db, options: MigrationOptions = {}): Promise<string[]> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return migrateUnlocked(db, options);
  // One connection holds the lock for the whole run; whoever waited finds nothing left to apply.
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`.execute(conn);
    try {
      return await migrateUnlocked(conn, options);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`.execute(conn);
    }
  });
}

async function migrateUnlocked(db: Db, options: MigrationOptions): Promise<string[]> {
  await assertNotNewer(db);
  const { error, results } = await migrator(db, options).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export interface MigrationLevel {
  current: string | null;
  latest: string;
  pending: number;
}

export async function migrationLevel(db: Db): Promise<MigrationLevel> {
  const applied = await appliedMigrations(db);
  return {
    current: applied.at(-1) ?? null,
    latest: latestMigration,
    pending: Object.keys(migrations).length - applied.length,
  };
}
