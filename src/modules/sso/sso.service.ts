import { AppError, notFound } from '../../contracts/errors.ts';
import {
  nextOidcProviderId,
  type OidcConnectionRequest,
  type OidcConnectionUpdate,
} from '../../contracts/sso.ts';
import type { DatabaseHandle, Db } from '../../db/connection.ts';
import { authorize } from '../authorize.ts';
import { type AppEnv, type ChangeContext, inTransaction, makeContext, type OrgContext } from '../context.ts';
import { findMembershipOfUser } from '../members/index.ts';
import { insertMembership } from '../organisations/index.ts';
import { presentConnection } from './sso.presenter.ts';
import * as repo from './sso.repository.ts';

export async function listConnections(_input: Record<string, never>, ctx: OrgContext) {
  authorize(ctx, 'sso.read');
  const rows = await repo.connectionsOf(ctx.db, ctx.organisation.id);
  return { items: rows.map((r) => presentConnection(r, ctx.env.publicUrl)) };
}

type OidcSettings = Omit<OidcConnectionRequest, 'clientSecret'>;

/**
 * Creates or replaces the organisation's first OpenID Connect connection (`oidc-<slug>`). The issuer's
 * discovery document is read by better-auth at sign-in (OIDC Discovery 1.0 §4); the email domain routes
 * sign-in and belongs to one organisation only.
 */
export async function configureOidc(input: OidcConnectionRequest, ctx: OrgContext) {
  authorize(ctx, 'sso.manage');
  const { clientSecret, ...settings } = input;
  return inTransaction(ctx, (tx) => saveOidc(tx, `oidc-${ctx.organisation.slug}`, settings, clientSecret));
}

/** Adds an OpenID Connect connection beside the others (one per email domain). */
export async function addOidc(input: OidcConnectionRequest, ctx: OrgContext) {
  authorize(ctx, 'sso.manage');
  const { clientSecret, ...settings } = input;
  return inTransaction(ctx, async (tx) => {
    const taken = (await repo.connectionsOf(tx.db, ctx.organisation.id)).map((r) => r.provider_id);
    const providerId = nextOidcProviderId(ctx.organisation.slug, settings.domain, taken);
    return saveOidc(tx, providerId, settings, clientSecret);
  });
}

/** Changes some settings of a connection; a client secret left out keeps the one stored. */
export async function updateOidc(input: OidcConnectionUpdate & { providerId: string }, ctx: OrgContext) {
  authorize(ctx, 'sso.manage');
  return inTransaction(ctx, async (tx) => {
    const row = await connectionOf(tx, input.providerId);
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
    return saveOidc(tx, providerId, settings, clientSecret ?? storedSecretOf(row));
  });
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

async function connectionOf(tx: OrgContext, providerId: string) {
  const row = await repo.connectionOf(tx.db, tx.organisation.id, providerId);
  if (!row) throw notFound('single sign-on connection');
  return row;
}

/** The client secret as stored (kept as it is when an edit leaves it out). */
function storedSecretOf(row: { oidcConfig: string | null }): string {
  return (JSON.parse(row.oidcConfig ?? '{}') as { clientSecret?: string }).clientSecret ?? '';
}

async function saveOidc(tx: ChangeContext, providerId: string, input: OidcSettings, clientSecret: string) {
  const owner = await repo.connectionByDomain(tx.db, input.domain);
  if (owner && owner.organisation_id !== tx.organisation.id)
    throw new AppError('conflict', 'this email domain is already routed to another organisation', [
      { path: 'body/domain', message: 'already claimed by another organisation' },
    ]);
  if (owner && owner.provider_id !== providerId)
    throw new AppError('conflict', 'this email domain is already routed to another connection', [
      { path: 'body/domain', message: 'already used by another connection' },
    ]);
  const at = tx.now().toISOString();
  const issuer = input.issuer.replace(/\/$/, '');
  await repo.saveConnection(
    tx.db,
    {
      id: crypto.randomUUID(),
      organisation_id: tx.organisation.id,
      provider_id: providerId,
      protocol: 'oidc',
      domain: input.domain,
      jit_role: input.jitRole,
      sso_required: input.ssoRequired ? 1 : 0,
      enabled: 1,
      created_at: at,
      updated_at: at,
    },
    {
      issuer,
      organizationId: tx.organisation.id,
      userId: tx.actor.userId,
      oidcConfig: JSON.stringify({
        issuer,
        clientId: input.clientId,
        clientSecret,
        discoveryEndpoint: `${issuer}/.well-known/openid-configuration`,
        scopes: input.scopes,
        pkce: input.pkce,
      }),
    },
  );
  await tx.audit({
    action: 'sso.configure',
    entityType: 'sso_connection',
    entityId: providerId,
    data: {
      issuer,
      domain: input.domain,
      jitRole: input.jitRole,
      ssoRequired: input.ssoRequired,
      scopes: input.scopes,
      pkce: input.pkce,
    },
  });
  const row = await repo.connectionOf(tx.db, tx.organisation.id, providerId);
  if (!row) throw new AppError('internal', 'the connection was not saved');
  return presentConnection(row, tx.env.publicUrl);
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
  if (await findMembershipOfUser(database.db, conn.id, user.id)) return;
  const role = conn.jit_role;
  const ctx = makeContext(
    { kind: 'system', label: `sso:${providerId}` },
    { id: conn.id, slug: conn.slug, name: conn.name },
    { ...database, env },
  );
  await inTransaction(ctx, async (tx) => {
    const membershipId = crypto.randomUUID();
    await insertMembership(tx.db, {
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
