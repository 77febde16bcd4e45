import { AppError } from '../contracts/errors.ts';
import type { DatabaseKind, Db } from '../db/connection.ts';
import type { ActorAccess, MemberScope, Role } from '../vocabulary/index.ts';
import { actorKindLabels, allFindings } from '../vocabulary/index.ts';
import {
  type AuditInput,
  appendAuditEntries,
  appendAuditEntry,
  lockOrganisation,
} from './audit-log/audit-log.repository.ts';
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
  /** The settings as read with the request's membership (a read use-case need not read the row again). */
  settingsJson?: string;
}

/** What every organisation-scoped use-case receives: who acts, for which organisation, with what access. */
export interface OrgContext {
  /** What the audit trail records. */
  actor: Actor;
  /** What the policy table decides on (`authorize`): a member's role and scope, or another actor kind. */
  access: ActorAccess;
  organisation: OrganisationRef;
  db: Db;
  kind: DatabaseKind;
  now: () => Date;
  /** Outside world a use-case may reach: mail and the public base URL for links. */
  env: AppEnv;
  /** Inside a transaction: runs `fn` once it has committed (mail must not announce a rolled-back change). */
  afterCommit?: (fn: (db: Db) => Promise<void>) => void;
}

export interface AppEnv {
  mailer: Mailer;
  publicUrl: string;
  /** Origins accepted for state-changing requests (`acceptedOrigins` in src/config.ts); PUBLIC_URL's when absent. */
  acceptedOrigins?: string[];
  /** The server's secret (CLOSELOOP_SECRET or data/secret.key): seals secrets the server must reuse. */
  serverSecret?: string;
  /** CLOSELOOP_WEBHOOK_ALLOW_PRIVATE: the non-public webhook targets an operator allowed ('' for none). */
  webhookAllowPrivate?: string;
  /** CLOSELOOP_SSO_ALLOW_ORIGINS: identity providers on private or loopback addresses SSO may reach. */
  ssoAllowOrigins?: string[];
  /** CLOSELOOP_OPERATORS (lower-cased emails): the instance operators; absent or empty, nobody is one. */
  operators?: readonly string[];
}

/** Who acts: a member (from the gate), or one of the actor kinds without a role. */
export type Who =
  | {
      kind: 'member';
      userId: string;
      email: string;
      via: 'session' | 'token';
      /** The API token acting for the member: the audit trail names it beside the person. */
      token?: { name: string; prefix: string } | undefined;
      role: Role;
      scope?: MemberScope;
    }
  | { kind: 'cli'; label?: string }
  | { kind: 'system'; label?: string }
  | { kind: 'visitor' }
  | { kind: 'feed'; userId: string | null };

export interface ContextDeps {
  db: Db;
  kind: DatabaseKind;
  env: AppEnv;
  now?: () => Date;
}

/** The one way to build an organisation context (the gate, the CLI, jobs, trust pages, feeds, demo, tests). */
export function makeContext(who: Who, organisation: OrganisationRef, deps: ContextDeps): OrgContext {
  const base = {
    organisation,
    db: deps.db,
    kind: deps.kind,
    env: deps.env,
    now: deps.now ?? (() => new Date()),
  };
  switch (who.kind) {
    case 'member':
      return {
        ...base,
        actor: { userId: who.userId, label: memberLabel(who), via: who.via },
        access: { kind: 'member', role: who.role, scope: who.scope ?? allFindings },
      };
    case 'cli':
      return {
        ...base,
        actor: { userId: null, label: who.label ?? 'cli', via: 'cli' },
        access: { kind: 'cli' },
      };
    case 'system':
      return {
        ...base,
        actor: { userId: null, label: who.label ?? 'system', via: 'system' },
        access: { kind: 'system' },
      };
    case 'visitor':
      return {
        ...base,
        actor: { userId: null, label: actorKindLabels.visitor, via: 'system' },
        access: { kind: 'visitor' },
      };
    case 'feed':
      return {
        ...base,
        actor: { userId: who.userId, label: actorKindLabels.feed, via: 'system' },
        access: { kind: 'feed' },
      };
  }
}

/** The person's email; with an API token also the token, e.g. `ada@acme.test (API token "Claude", cl_1a2b3c4d)`. */
function memberLabel(who: {
  email: string;
  via: 'session' | 'token';
  token?: { name: string; prefix: string } | undefined;
}) {
  if (who.via !== 'token' || !who.token) return who.email;
  return `${who.email} (API token "${who.token.name}", ${who.token.prefix})`;
}

/** The member's role, for rules that depend on it (the clause 10.2 lifecycle); null for other actors. */
export const roleOf = (ctx: Pick<OrgContext, 'access'>): Role | null =>
  ctx.access.kind === 'member' ? ctx.access.role : null;

/** The member's role for a step only members take; any other actor is refused. */
export function memberRole(ctx: Pick<OrgContext, 'access' | 'actor'>): Role {
  if (ctx.access.kind !== 'member')
    throw new AppError('forbidden', `${ctx.actor.label} may not take this step`);
  return ctx.access.role;
}

export interface ChangeContext extends OrgContext {
  /** Appends to the organisation's hash chain inside the same transaction as the change. */
  audit(entry: AuditInput): Promise<void>;
  /** The same for many entries in order, written in a few statements (a bulk change such as an import). */
  auditMany(entries: AuditInput[]): Promise<void>;
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
    return work(withAudit({ ...ctx, afterCommit: (fn) => later.push(fn) }, trx));
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

/** Told the entries of one audit step: one entry, or the many of a bulk change (`auditMany`). */
type AuditListener = (tx: OrgContext, entries: readonly AuditInput[]) => Promise<void>;
const auditListeners = new Set<AuditListener>();

/**
 * Runs `listener` inside the transaction of every audited change, after its audit entry: the webhooks
 * outbox records its event there, so an event exists exactly when its change committed (issue #20). A
 * listener that throws rolls the change back, like a failed audit append. Registered once by the runtime.
 */
export function onAuditedChange(listener: AuditListener): void {
  auditListeners.add(listener);
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
      for (const listener of auditListeners) await listener({ ...ctx, db: trx }, [entry]);
    },
    auditMany: async (entries) => {
      await appendAuditEntries(trx, ctx.kind, {
        organisationId: ctx.organisation.id,
        actor: ctx.actor,
        at: ctx.now().toISOString(),
        entries,
      });
      // The listeners hear the step once, all its entries together: the webhooks outbox reads the
      // endpoints once for an import of 10,000 findings, not once per finding (#16).
      for (const listener of auditListeners) await listener({ ...ctx, db: trx }, entries);
    },
  };
}
