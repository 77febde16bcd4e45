import type { Db } from '../../db/connection.ts';

// The `user` and `session` tables are better-auth's; closeloop reads them (the gate's session lookup) and
// removes a just-created account on rollback.

/** Removes an account created moments ago when the transaction that needed it failed. */
export async function deleteAccount(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('user').where('id', '=', userId).execute();
}

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('user')
    .select(['id', 'email', 'name', 'twoFactorEnabled'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

/** Whether any account exists (first-run setup): one row looked at, whatever the number of accounts. */
export async function anyAccount(db: Db): Promise<boolean> {
  return (await db.selectFrom('user').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * The session a verified cookie names and its person, in one statement: the gate's lookup on every request
 * (#16). The token is only the key: it is never selected, so it leaves no query (docs/decisions/0004).
 */
export async function findSessionHolder(db: Db, token: string) {
  return db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.userId')
    .select(['session.id as sessionId', 'session.expiresAt', 'user.id as userId', 'user.email', 'user.name'])
    .where('session.token', '=', token)
    .executeTakeFirst();
}
