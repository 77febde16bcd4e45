import { AppError, notFound } from '../../contracts/errors.ts';
import {
  nextOidcProviderId,
  type OidcConnectionRequest,
  type OidcConnectionUpdate,
} from '../../contracts/sso.ts';
import type { DatabaseHandle, Db } from '../../db/connection.ts';
import { openStoredConfig, sealConfigSecrets } from '../../domain/secrets/sso-config.ts';
import type { Role } from '../../vocabulary/index.ts';
import { authorize } from '../authorize.ts';
import { type AppEnv, inTransaction, makeContext, type OrgContext } from '../context.ts';
import { admitMember, membershipOfUser } from '../members/index.ts';
import { presentConnection } from './sso.presenter.ts';
import * as repo from './sso.repository.ts';

export async function listConnections(_input: Record<string, never>, ctx: OrgContext) {
  authorize(ctx, 'sso.read');
  const rows = await repo.connectionsOf(ctx.db, ctx.organisation.id);
  return { items: rows.map((r) => presentConnection(r, ctx.env.publicUrl)) };
}

/** The domain routes sign-in to one connection of one organisation: any other claim is refused (409). */
async function claimDomain(db: Db, domain: string, providerId: string, organisationId: string) {
  const owner = await repo.connectionByDomain(db, domain);
  if (owner && owner.organisation_id !== organisationId)
    throw new AppError('conflict', 'this email domain is already routed to another organisation', [
      { path: 'body/domain', message: 'already claimed by another organisation' },
    ]);
  if (owner && owner.provider_id !== providerId)
    throw new AppError('conflict', 'this email domain is already routed to another connection', [
      { path: 'body/domain', message: 'already used by another connection' },
    ]);
}

export interface ConnectionChange {
  providerId: string;
  protocol: 'oidc' | 'saml';
  issuer: string;
  domain: string;
  jitRole: Role | null;
  ssoRequired: boolean;
  /** The plugin's config; its client secret and private keys are sealed here before they are stored. */
  config: Record<string, unknown>;
  clockSkewSeconds?: number;
  metadataUrl?: string | null;
  /** What the audit entry says of the change (never a secret). */
  audit: Record<string, unknown>;
}

/** Writes a connection (ours and the plugin's row) with its audit entry, in one transaction. */
export async function storeConnection(change: ConnectionChange, ctx: OrgContext) {
  // Its callers authorise first; checked again here because it is exported and writes on its own.
  authorize(ctx, 'sso.manage');
  return inTransaction(ctx, async (tx) => {
    await claimDomain(tx.db, change.domain, change.providerId, ctx.organisation.id);
    if (!ctx.env.serverSecret)
      throw new AppError('unavailable', 'the server has no secret key to seal the SSO secrets');
    const at = ctx.now().toISOString();
    const sealed = JSON.stringify(sealConfigSecrets(change.config, ctx.env.serverSecret));
    await repo.saveConnection(
      tx.db,
      {
        id: crypto.randomUUID(),
        organisation_id: ctx.organisation.id,
        provider_id: change.providerId,
        protocol: change.protocol,
        domain: change.domain,
        jit_role: change.jitRole,
        sso_required: change.ssoRequired ? 1 : 0,
        enabled: 1,
        clock_skew_seconds: change.clockSkewSeconds ?? null,
        metadata_url: change.metadataUrl ?? null,
        created_at: at,
        updated_at: at,
      },
      {
        issuer: change.issuer,
        organizationId: ctx.organisation.id,
        userId: ctx.actor.userId,
        oidcConfig: change.protocol === 'oidc' ? sealed : null,
        samlConfig: change.protocol === 'saml' ? sealed : null,
      },
    );
    await tx.audit({
      action: 'sso.configure',
      entityType: 'sso_connection',
      entityId: change.providerId,
      data: {
        protocol: change.protocol,
        issuer: change.issuer,
        domain: change.domain,
        jitRole: change.jitRole,
        ssoRequired: change.ssoRequired,
        ...change.audit,
      },
    });
    const rows = await repo.connectionsOf(tx.db, ctx.organisation.id);
    const row = rows.find((r) => r.provider_id === change.providerId);
    if (!row) throw new AppError('internal', 'the connection was not saved');
    return presentConnection(row, ctx.env.publicUrl);
  });
}

/**
 * Creates or replaces the organisation's OpenID Connect connection. The issuer's discovery document is
 * read by better-auth at sign-in (OIDC Discovery 1.0 §4); the email domain routes sign-in and belongs
 * to one organisation only.
 */
export async function configureOidc(input: OidcConnectionRequest, ctx: OrgContext) {
  authorize(ctx, 'sso.manage');
  const { clientSecret, ...settings } = input;
  return storeConnection(oidcChange(`oidc-${ctx.organisation.slug}`, settings, clientSecret), ctx);
}

type OidcSettings = Omit<OidcConnectionRequest, 'clientSecret'>;

function oidcChange(providerId: string, input: OidcSettings, clientSecret: string): ConnectionChange {
  const issuer = input.issuer.replace(/\/$/, '');
  return {
    providerId,
    protocol: 'oidc',
    issuer,
    domain: input.domain,
    jitRole: input.jitRole,
    ssoRequired: input.ssoRequired,
    config: {
      issuer,
      clientId: input.clientId,
      clientSecret,
      discoveryEndpoint: `${issuer}/.well-known/openid-configuration`,
      scopes: input.scopes,
      pkce: input.pkce,
    },
    audit: { scopes: input.scopes, pkce: input.pkce },
  };
}

/** Adds an OpenID Connect connection beside the others (one per email domain). */
export async function addOidc(input: OidcConnectionRequest, ctx: OrgContext) {
  authorize(ctx, 'sso.manage');
  const { clientSecret, ...settings } = input;
  const taken = (await repo.connectionsOf(ctx.db, ctx.organisation.id)).map((r) => r.provider_id);
  const providerId = nextOidcProviderId(ctx.organisation.slug, settings.domain, taken);
  return storeConnection(oidcChange(providerId, settings, clientSecret), ctx);
}

/** Changes some settings of an OpenID Connect connection; a client secret left out keeps the one stored. */
export async function updateOidc(input: OidcConnectionUpdate & { providerId: string }, ctx: OrgContext) {
  authorize(ctx, 'sso.manage');
  const row = await connectionOf(ctx, input.providerId);
  if (row.protocol !== 'oidc')
    throw new AppError('invalid_state', 'this connection is not an OpenID Connect one');
  const stored = presentConnection(row, ctx.env.publicUrl);
  const { providerId, clientSecret, ...changes } = input;
  const settings: OidcSettings = {
    issuer: stored.issuer,
    clientId: stored.clientId ?? '',
    domain: stored.domain,
    scopes: stored.scopes,
    pkce: stored.pkce,
    jitRole: stored.jitRole,
    ssoRequired: stored.ssoRequired,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  };
  if (clientSecret === undefined && !ctx.env.serverSecret)
    throw new AppError('unavailable', 'the server has no secret key to open the stored SSO secret');
  const secret =
    clientSecret ??
    ((
      JSON.parse(openStoredConfig(row.oidcConfig ?? '{}', ctx.env.serverSecret ?? '')) as {
        clientSecret?: string;
      }
    ).clientSecret ||
      '');
  return storeConnection(oidcChange(providerId, settings, secret), ctx);
}

/** Removes a connection: its domain signs in with a password again, and its SSO requirement ends. */
export async function removeConnection(input: { providerId: string }, ctx: OrgContext) {
  authorize(ctx, 'sso.manage');
  await inTransaction(ctx, async (tx) => {
    const row = await connectionOf(tx, input.providerId);
    await repo.deleteConnection(tx.db, ctx.organisation.id, input.providerId);
    await tx.audit({
      action: 'sso.remove',
      entityType: 'sso_connection',
      entityId: input.providerId,
      data: { protocol: row.protocol, issuer: row.issuer, domain: row.domain },
    });
  });
}

async function connectionOf(ctx: OrgContext, providerId: string) {
  const row = await repo.connectionOf(ctx.db, ctx.organisation.id, providerId);
  if (!row) throw notFound('single sign-on connection');
  return row;
}

/**
 * Just-in-time membership after an SSO sign-in: a person new to the organisation joins with the role its
 * admin chose; with invitation-only (no role) the account stays without access until invited. The join
 * is on the organisation's audit trail (A.5.18 access rights).
 */
export async function provisionSsoMember(
  database: DatabaseHandle,
  env: AppEnv,
  user: { id: string; email: string },
  providerId: string,
): Promise<void> {
  const conn = await repo.connectionWithOrganisation(database.db, providerId);
  if (!conn?.jit_role || conn.enabled !== 1) return;
  // Only a person of the organisation's own domain joins it: an IdP asserting another domain's email
  // (which another organisation may own) signs that account in, but into no organisation (A.5.16).
  if (user.email.toLowerCase().split('@')[1] !== conn.domain) return;
  if (await membershipOfUser(database.db, conn.id, user.id)) return;
  const role = conn.jit_role;
  const ctx = makeContext(
    { kind: 'system', label: `sso:${providerId}` },
    { id: conn.id, slug: conn.slug, name: conn.name },
    { ...database, env },
  );
  await inTransaction(ctx, async (tx) => {
    const membershipId = crypto.randomUUID();
    await admitMember(tx.db, {
      id: membershipId,
      organisationId: conn.id,
      userId: user.id,
      role,
      createdAt: ctx.now().toISOString(),
    });
    await tx.audit({
      action: 'member.join_sso',
      entityType: 'membership',
      entityId: membershipId,
      data: { email: user.email, role, providerId },
    });
  });
}

/** Whether this person must sign in through SSO (a member, not an admin, of an SSO-required organisation). */
export const ssoRequired = (db: Db, userId: string) => repo.ssoRequiredFor(db, userId);
