import type { Role } from '../contracts/roles.ts';
import type { DatabaseKind, Db } from '../db/connection.ts';
import { type AuditInput, appendAuditEntry, lockOrganisation } from './audit-log/audit-log.repository.ts';
import type { Mailer } from './mail/index.ts';

export interface Actor {
  userId: string | null;
  /** What the audit trail shows: the person's email, or `cli`/`system` for automation. */
  label: string;
  via: 'session' | 'token' | 'cli' | 'system';
}

export interface OrganisationRef {
  id: string;
  slug: string;
  name: string;
}

/** What every organisation-scoped use-case receives: who acts, for which organisation, in what role. */
export interface OrgContext {
  actor: Actor;
  organisation: OrganisationRef;
  role: Role;
  db: Db;
  kind: DatabaseKind;
  now: () => Date;
  /** Outside world a use-case may reach: mail and the public base URL for links. */
  env: AppEnv;
  /** A guest's findings (null: the whole organisation); set by the gate from the membership. */
  scope?: string[] | null;
  /** Inside a transaction: runs `fn` once it has committed (mail must not announce a rolled-back change). */
  afterCommit?: (fn: (db: Db) => Promise<void>) => void;
}

export interface AppEnv {
  mailer: Mailer;
  publicUrl: string;
}

export interface ChangeContext extends OrgContext {
  /** Appends to the organisation's hash chain inside the same transaction as the change. */
  audit(entry: AuditInput): Promise<void>;
}

/**
 * Runs a change and its audit entries in one transaction: if the audit write fails, the change is rolled
 * back too, so the trail never misses a change that happened (ISO 27001 A.8.15).
 */
export async function inTransaction<T>(ctx: OrgContext, work: (tx: ChangeContext) => Promise<T>): Promise<T> {
  // Re-entrant: a use-case composed of other use-cases (applying a scenario) runs them in its transaction.
  if (ctx.db.isTransaction) return work(withAudit(ctx, ctx.db));
  const later: ((db: Db) => Promise<void>)[] = [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    await lockOrganisation(trx, ctx.kind, ctx.organisation.id);
    return work({ ...withAudit(ctx, trx), afterCommit: (fn) => later.push(fn) });
  });
  for (const fn of later) await fn(ctx.db);
  for (const listener of changeListeners) await listener(ctx);
  return result;
}

type ChangeListener = (ctx: OrgContext) => Promise<void>;
const changeListeners = new Set<ChangeListener>();

/**
 * Runs `listener` after every committed change of an organisation (the posture history records figures
 * that moved). Registered once by the runtime; listeners handle their own failures.
 */
export function onCommittedChange(listener: ChangeListener): void {
  changeListeners.add(listener);
}

/** Runs `fn` now, or after the commit when called inside a transaction (SQLite has one connection). */
export async function whenCommitted(ctx: OrgContext, fn: (ctx: OrgContext) => Promise<void>): Promise<void> {
  if (ctx.db.isTransaction && ctx.afterCommit) ctx.afterCommit((db) => fn({ ...ctx, db }));
  else await fn(ctx);
}

function withAudit(ctx: OrgContext, trx: Db): ChangeContext {
  return {
    ...ctx,
    db: trx,
    audit: async (entry) => {
      await appendAuditEntry(trx, ctx.kind, {
        organisationId: ctx.organisation.id,
        actor: ctx.actor,
        at: ctx.now().toISOString(),
        ...entry,
      });
    },
  };
}
