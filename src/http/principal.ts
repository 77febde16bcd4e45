import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import { hashToken } from '../domain/secrets/token.ts';
import { findTokenByHash, markTokenUsed } from '../modules/api-tokens/index.ts';
import { type Auth, CLIENT_IP_HEADER } from './auth.ts';

/** Who is calling: a signed-in person (session cookie) or a personal API token bound to one organisation. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  via: 'session' | 'token';
  /** Set for API tokens: the only organisation the token may act in. */
  tokenOrganisationId?: string;
  /** Set for API tokens: the token's name and prefix, which the audit trail names beside its owner. */
  token?: { name: string; prefix: string };
  sessionId?: string;
}

export async function resolvePrincipal(req: FastifyRequest, auth: Auth, db: Db): Promise<Principal | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return tokenPrincipal(db, header.slice(7).trim());
  if (!req.headers.cookie) return null;
  const session = await auth.api.getSession({ headers: toHeaders(req) });
  if (!session) return null;
  return {
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    via: 'session',
    sessionId: session.session.id,
  };
}

/** How precisely a token's last use is kept. */
export const LAST_USED_RESOLUTION_MS = 60_000;

async function tokenPrincipal(db: Db, token: string): Promise<Principal | null> {
  const at = new Date();
  const now = at.toISOString();
  const row = await findTokenByHash(db, hashToken(token));
  if (!row || (row.expires_at && row.expires_at <= now)) return null;
  // "Last used" to the minute: a script's burst of calls writes once, not on every request (#16).
  const stale = new Date(at.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  if (!row.last_used_at || row.last_used_at <= stale) await markTokenUsed(db, row.id, now);
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    via: 'token',
    tokenOrganisationId: row.organisation_id,
    token: { name: row.tokenName, prefix: row.tokenPrefix },
  };
}

export function toHeaders(req: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === CLIENT_IP_HEADER) continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : String(v));
  }
  return headers;
}
