// Verifying a personal API token (Bearer on the API, `closeloop mcp` on the command line): one place decides
// which secrets are valid and keeps "last used", so the HTTP gate and the MCP server cannot drift apart.
import type { Db } from '../../db/connection.ts';
import { hashToken } from '../../domain/secrets/token.ts';
import * as repo from './api-tokens.repository.ts';

/** How precisely a token's last use is kept. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** The person a valid token acts for, in the one organisation it is bound to. */
export interface TokenHolder {
  userId: string;
  email: string;
  name: string;
  organisationId: string;
  token: { name: string; prefix: string };
}

/**
 * The holder of a secret that is known, not revoked and not expired at `at`; null otherwise. Only the
 * secret's hash is looked up. "Last used" is kept to the minute: a script's burst of calls writes once, not
 * on every request (#16).
 */
export async function verifyToken(db: Db, secret: string, at: Date): Promise<TokenHolder | null> {
  const now = at.toISOString();
  const row = await repo.findTokenByHash(db, hashToken(secret.trim()));
  if (!row || (row.expires_at && row.expires_at <= now)) return null;
  const stale = new Date(at.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  if (!row.last_used_at || row.last_used_at <= stale) await repo.markTokenUsed(db, row.id, now);
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    organisationId: row.organisation_id,
    token: { name: row.tokenName, prefix: row.tokenPrefix },
  };
}
