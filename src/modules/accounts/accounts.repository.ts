import type { Db } from '../../db/connection.ts';

// The `user` table is better-auth's; closeloop reads it and removes a just-created account on rollback.

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
