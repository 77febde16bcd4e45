import type { DatabaseHandle } from '../../db/connection.ts';
import { type AppEnv, inTransaction, makeContext } from '../context.ts';

/** Every sign-in is appended to the trail of each organisation the person belongs to (A.8.15, A.5.16). */
export async function recordSignIn(
  database: DatabaseHandle,
  env: AppEnv,
  userId: string,
  ip: string | null,
): Promise<void> {
  const rows = await database.db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['organisation.id', 'organisation.slug', 'organisation.name', 'membership.role', 'user.email'])
    .where('membership.user_id', '=', userId)
    .execute();
  for (const row of rows) {
    await inTransaction(
      makeContext(
        { kind: 'member', userId, email: row.email, via: 'session', role: row.role },
        { id: row.id, slug: row.slug, name: row.name },
        { ...database, env },
      ),
      (tx) => tx.audit({ action: 'auth.sign_in', entityType: 'user', entityId: userId, data: { ip } }),
    );
  }
}
