import { createHmac, timingSafeEqual } from 'node:crypto';
import type { BetterAuthOptions } from 'better-auth';
import type { Db } from '../db/connection.ts';
import { type SessionHolder, sessionHolder } from '../modules/accounts/index.ts';
import type { Auth } from './auth.ts';

/**
 * The session a request's cookie names, read the way better-auth's `getSession` reads it but in one
 * statement and without its router (issue #16: the router, a Headers copy, a key import per request and
 * two queries cost more than the page behind them). Only the plain case is answered here; every other one
 * is left to better-auth, so what it decides (refresh, clean-up of expired sessions, its other cookies)
 * stays its own:
 *   - `'better-auth'`: ask `auth.api.getSession` (the session is expired or due for its hourly refresh,
 *     a cookie this path does not read is present, or the cookie is not of the shape better-auth signs);
 *   - `null`: no session (no session cookie, a signature that does not verify, no such session);
 *   - a holder: a live session, not due for refresh.
 */
export type SessionAnswer = SessionHolder | null | 'better-auth';

interface SessionRules {
  tokenCookie: string;
  /** Cookies only better-auth's path reads (not remembering the session, the cookie cache). */
  deferredCookies: string[];
  key: Buffer;
  expiresInMs: number;
  updateAgeMs: number;
  /** False when better-auth keeps sessions elsewhere or in the cookie: then it answers every request. */
  plain: boolean;
}

const rulesOf = new WeakMap<Auth, Promise<SessionRules>>();

async function loadRules(auth: Auth): Promise<SessionRules> {
  const ctx = await auth.$context;
  const cookies = ctx.authCookies;
  // Read as any configuration would be: the guards hold if src/http/auth.ts changes its options.
  const options: BetterAuthOptions = ctx.options;
  const session = options.session;
  return {
    // Includes the `__Secure-` prefix when better-auth uses secure cookies (PUBLIC_URL on https).
    tokenCookie: cookies.sessionToken.name,
    deferredCookies: [cookies.dontRememberToken.name, cookies.sessionData.name],
    key: Buffer.from(ctx.secret, 'utf8'),
    expiresInMs: ctx.sessionConfig.expiresIn * 1000,
    updateAgeMs: ctx.sessionConfig.updateAge * 1000,
    plain:
      !options.secondaryStorage &&
      session?.cookieCache?.enabled !== true &&
      !session?.deferSessionRefresh &&
      !session?.disableSessionRefresh,
  };
}

/** A cookie's value as better-call parses the header: the first of that name, unquoted, URL-decoded. */
export function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.codePointAt(0) === 34) value = value.slice(1, -1);
    try {
      return value.includes('%') ? decodeURIComponent(value) : value;
    } catch {
      return value;
    }
  }
  return undefined;
}

const SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;

/**
 * better-call's signed cookie: `value.signature`, the signature base64 HMAC-SHA256 of the value under the
 * auth secret (RFC 2104), compared in constant time. Undefined when the cookie is not of that shape.
 */
export function verifiedToken(signed: string, key: Buffer): string | null | undefined {
  const dot = signed.lastIndexOf('.');
  if (dot < 1) return undefined;
  const value = signed.slice(0, dot);
  const signature = signed.slice(dot + 1);
  if (!SIGNATURE.test(signature)) return undefined;
  const expected = createHmac('sha256', key).update(value, 'utf8').digest();
  return timingSafeEqual(Buffer.from(signature, 'base64'), expected) ? value : null;
}

export async function sessionOfCookie(auth: Auth, db: Db, header: string): Promise<SessionAnswer> {
  let rules = rulesOf.get(auth);
  if (!rules) {
    rules = loadRules(auth);
    rulesOf.set(auth, rules);
  }
  const r = await rules;
  if (!r.plain || r.deferredCookies.some((name) => header.includes(`${name}=`))) return 'better-auth';
  const signed = cookieValue(header, r.tokenCookie);
  if (!signed) return header.includes(r.tokenCookie) ? 'better-auth' : null;
  const token = verifiedToken(signed, r.key);
  if (token === undefined) return 'better-auth';
  if (token === null) return null;
  const holder = await sessionHolder(db, token);
  if (!holder) return null;
  const expiresAt = holder.expiresAt.getTime();
  const now = Date.now();
  // better-auth deletes an expired session and refreshes one older than updateAge (its own rule, from
  // session.ts): both are its writes to make.
  if (!Number.isFinite(expiresAt) || expiresAt < now) return 'better-auth';
  if (expiresAt - r.expiresInMs + r.updateAgeMs <= now) return 'better-auth';
  return holder;
}
