import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import { verifyToken } from '../modules/api-tokens/index.ts';
import { type Auth, CLIENT_IP_HEADER } from './auth.ts';
import { sessionOfCookie } from './session-cookie.ts';

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
  const cookie = req.headers.cookie;
  if (!cookie) return null;
  const fast = await sessionOfCookie(auth, db, cookie);
  if (fast !== 'better-auth') {
    return (
      fast && {
        userId: fast.userId,
        email: fast.email,
        name: fast.name,
        via: 'session',
        sessionId: fast.sessionId,
      }
    );
  }
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

async function tokenPrincipal(db: Db, token: string): Promise<Principal | null> {
  const holder = await verifyToken(db, token, new Date());
  if (!holder) return null;
  return {
    userId: holder.userId,
    email: holder.email,
    name: holder.name,
    via: 'token',
    tokenOrganisationId: holder.organisationId,
    token: holder.token,
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
