import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, forbidden, invalid, notFound } from '../../contracts/errors.ts';
import type { acceptInvitationRequest, createInvitationRequest } from '../../contracts/foundation.ts';
import { roleLabels } from '../../contracts/roles.ts';
import type { DatabaseHandle } from '../../db/connection.ts';
import { generateToken, hashToken } from '../../domain/secrets/token.ts';
import type { Auth } from '../../http/auth.ts';
import { accountByEmail, createAccount, withdrawNewAccount } from '../accounts/index.ts';
import { authorize } from '../authorize.ts';
import { type AppEnv, inTransaction, makeContext, type OrgContext, roleOf } from '../context.ts';
import { findFinding } from '../findings/index.ts';
import { admitMember, membershipOfUser } from '../members/index.ts';
import { presentInvitation } from './invitations.presenter.ts';
import * as repo from './invitations.repository.ts';

export async function listInvitations(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'invitation.read');
  const { rows, total } = await repo.listInvitations(ctx.db, ctx.organisation.id, input);
  const now = ctx.now().toISOString();
  return {
    items: rows.map((r) => presentInvitation(r, now)),
    page: input.page,
    pageSize: input.pageSize,
    total,
  };
}

/** Invites by email. The link carries 256 random bits; only its SHA-256 is stored. */
export async function inviteMember(input: z.infer<typeof createInvitationRequest>, ctx: OrgContext) {
  authorize(ctx, 'invitation.create');
  if (input.role === 'admin' && roleOf(ctx) !== 'admin')
    throw forbidden('only an administrator can invite an administrator');
  if (input.findingIds) {
    for (const [i, findingId] of input.findingIds.entries())
      if (!(await findFinding(ctx.db, ctx.organisation.id, findingId)))
        throw new AppError(
          'validation_failed',
          'a guest can only be invited to findings of this organisation',
          [{ path: `body/findingIds/${i}`, message: 'unknown finding' }],
        );
    if (input.role === 'admin' || input.role === 'isms_manager')
      throw new AppError('validation_failed', 'administrators and ISMS managers see the whole organisation', [
        { path: 'body/findingIds', message: 'not for this role' },
      ]);
  }
  const token = generateToken();
  const now = ctx.now();
  const row = {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    email: input.email,
    role: input.role,
    token_hash: hashToken(token),
    invited_by: ctx.actor.userId ?? '',
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
    scope_json: input.findingIds ? JSON.stringify([...new Set(input.findingIds)]) : null,
  };
  const link = `${ctx.env.publicUrl}/invite?token=${token}`;
  await inTransaction(ctx, async (tx) => {
    await repo.insertInvitation(tx.db, row);
    await tx.audit({
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: row.id,
      data: { email: input.email, role: input.role, expiresAt: row.expires_at },
    });
  });
  await ctx.env.mailer.send({
    organisationId: ctx.organisation.id,
    to: input.email,
    subject: `You are invited to ${ctx.organisation.name} on closeloop`,
    text: `${ctx.actor.label} invites you to join ${ctx.organisation.name} on closeloop as ${roleLabels[input.role]}.\n\nThis link works once and expires on ${row.expires_at.slice(0, 10)}:\n${link}\n`,
  });
  return { ...presentInvitation({ ...row, inviter_email: ctx.actor.label }, now.toISOString()), link };
}

export async function revokeInvitation(input: { invitationId: string }, ctx: OrgContext) {
  authorize(ctx, 'invitation.revoke');
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findInvitation(tx.db, ctx.organisation.id, input.invitationId);
    if (!row) throw notFound('invitation');
    if (row.accepted_at || row.revoked_at)
      throw new AppError('invalid_state', 'the invitation is no longer pending');
    await repo.revokeInvitation(tx.db, ctx.organisation.id, row.id, ctx.now().toISOString());
    await tx.audit({
      action: 'invitation.revoke',
      entityType: 'invitation',
      entityId: row.id,
      data: { email: row.email },
    });
  });
}

/** A pending invitation by token, or 404 for unknown, used, revoked and expired links alike. */
export async function pendingInvitation(db: OrgContext['db'], token: string, now: Date) {
  const row = await repo.findByTokenHash(db, hashToken(token));
  if (!row || row.accepted_at || row.revoked_at || row.expires_at <= now.toISOString()) {
    throw notFound('invitation (the link is unknown, used, revoked or expired)');
  }
  return row;
}

/** Joins the invited person to the organisation; called once their account is known. */
async function joinByInvitation(
  invitation: Awaited<ReturnType<typeof pendingInvitation>>,
  user: { id: string; email: string },
  ctx: OrgContext,
) {
  return inTransaction(ctx, async (tx) => {
    if (await membershipOfUser(tx.db, invitation.organisation_id, user.id)) {
      throw new AppError('conflict', `${user.email} is already a member of ${invitation.organisation_name}`);
    }
    const at = ctx.now().toISOString();
    if (!(await repo.consumeInvitation(tx.db, invitation.id, user.id, at))) throw notFound('invitation');
    const membershipId = randomUUID();
    await admitMember(tx.db, {
      id: membershipId,
      organisationId: invitation.organisation_id,
      userId: user.id,
      role: invitation.role,
      createdAt: at,
      scope: invitation.scope_json ? (JSON.parse(invitation.scope_json) as string[]) : null,
    });
    await tx.audit({
      action: 'invitation.accept',
      entityType: 'invitation',
      entityId: invitation.id,
      data: { email: user.email },
    });
    await tx.audit({
      action: 'member.add',
      entityType: 'membership',
      entityId: membershipId,
      data: { email: user.email, role: invitation.role },
    });
    return {
      organisation: { slug: invitation.slug, name: invitation.organisation_name },
      role: invitation.role,
    };
  });
}

/**
 * Accepts an invitation. A person who already has an account must be signed in as the invited address;
 * otherwise the account is created here with the name and password given.
 */
export async function acceptInvitation(
  input: z.infer<typeof acceptInvitationRequest>,
  deps: { database: DatabaseHandle; auth: Auth; env: AppEnv; principal: { userId: string } | null },
) {
  const { database } = deps;
  const now = new Date();
  const invitation = await pendingInvitation(database.db, input.token, now);
  let user = await accountByEmail(database.db, invitation.email);
  let created = false;
  if (user) {
    if (!deps.principal || deps.principal.userId !== user.id) {
      throw new AppError('unauthenticated', `sign in as ${invitation.email} to accept this invitation`);
    }
  } else {
    if (!input.name || !input.password) {
      throw invalid('name and password are needed to create your account', [
        ...(input.name ? [] : [{ path: 'body/name', message: 'required' }]),
        ...(input.password ? [] : [{ path: 'body/password', message: 'required' }]),
      ]);
    }
    const account = await createAccount(deps.auth, {
      name: input.name,
      email: invitation.email,
      password: input.password,
    });
    user = { ...account, twoFactorEnabled: false };
    created = true;
  }
  const ctx = makeContext(
    { kind: 'member', userId: user.id, email: user.email, via: 'session', role: invitation.role },
    { id: invitation.organisation_id, slug: invitation.slug, name: invitation.organisation_name },
    { ...database, env: deps.env, now: () => now },
  );
  try {
    return await joinByInvitation(invitation, user, ctx);
  } catch (err) {
    if (created) await withdrawNewAccount(database.db, user.id);
    throw err;
  }
}
