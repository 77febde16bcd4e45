import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { apiToken, createApiTokenRequest } from '../../contracts/foundation.ts';
import type { ApiTokenTable } from '../../db/schema.ts';
import { generateToken, hashToken } from '../../domain/secrets/token.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import * as repo from './api-tokens.repository.ts';

const present = (r: ApiTokenTable): z.infer<typeof apiToken> => ({
  id: r.id,
  name: r.name,
  prefix: r.token_prefix,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

function userOf(ctx: OrgContext): string {
  if (!ctx.actor.userId) throw new AppError('forbidden', 'API tokens belong to a person');
  return ctx.actor.userId;
}

export async function listApiTokens(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'api_token.manage');
  const { rows, total } = await repo.listApiTokens(ctx.db, ctx.organisation.id, userOf(ctx), input);
  return { items: rows.map(present), page: input.page, pageSize: input.pageSize, total };
}

/** A personal token for one organisation. The secret is returned once; only its hash is kept. */
export async function createApiToken(input: z.infer<typeof createApiTokenRequest>, ctx: OrgContext) {
  authorize(ctx, 'api_token.manage');
  if (ctx.actor.via === 'token') throw new AppError('forbidden', 'an API token cannot mint another token');
  const token = generateToken('cl_');
  const now = ctx.now();
  const row: ApiTokenTable = {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    user_id: userOf(ctx),
    name: input.name,
    token_prefix: token.slice(0, 10),
    token_hash: hashToken(token),
    created_at: now.toISOString(),
    expires_at: input.expiresInDays
      ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString()
      : null,
    last_used_at: null,
    revoked_at: null,
  };
  await inTransaction(ctx, async (tx) => {
    await repo.insertApiToken(tx.db, row);
    await tx.audit({
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row.id,
      data: { name: row.name, prefix: row.token_prefix, expiresAt: row.expires_at },
    });
  });
  return { ...present(row), token };
}

export async function revokeApiToken(input: { tokenId: string }, ctx: OrgContext) {
  authorize(ctx, 'api_token.manage');
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findApiToken(tx.db, ctx.organisation.id, userOf(ctx), input.tokenId);
    if (!row) throw notFound('API token');
    if (row.revoked_at) return;
    await repo.revokeApiToken(tx.db, ctx.organisation.id, row.id, ctx.now().toISOString());
    await tx.audit({
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: row.id,
      data: { name: row.name },
    });
  });
}
