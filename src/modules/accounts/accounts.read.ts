// Read model of the accounts module: what other modules may know of a person's account. The user table is
// better-auth's and written only by it and this module; password hashes and secrets never leave.
import type { Db } from '../../db/connection.ts';
import * as repo from './accounts.repository.ts';

export interface AccountSummary {
  id: string;
  email: string;
  name: string;
  twoFactorEnabled: boolean;
}

/** The account registered with this email (case-insensitive), or undefined. */
export async function accountByEmail(db: Db, email: string): Promise<AccountSummary | undefined> {
  const row = await repo.findUserByEmail(db, email);
  // SQLite keeps the flag as 0/1, PostgreSQL as a boolean.
  return (
    row && { id: row.id, email: row.email, name: row.name, twoFactorEnabled: Boolean(row.twoFactorEnabled) }
  );
}

/** False on a fresh installation, before first-run setup has made the first administrator. */
export function anyAccount(db: Db): Promise<boolean> {
  return repo.anyAccount(db);
}

/** A signed-in person as their session names them; never the session's token. */
export interface SessionHolder {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  expiresAt: Date;
}

/** The session whose token a verified session cookie carries, with its person, or undefined. */
export async function sessionHolder(db: Db, token: string): Promise<SessionHolder | undefined> {
  const row = await repo.findSessionHolder(db, token);
  // SQLite keeps better-auth's dates as ISO-8601 text, PostgreSQL as timestamps.
  return row && { ...row, expiresAt: new Date(row.expiresAt) };
}
