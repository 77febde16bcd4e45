import type { DatabaseHandle } from '../../db/connection.ts';
import { type AppEnv, inTransaction, makeContext } from '../context.ts';
import { membershipsWithEmail } from '../organisations/index.ts';

/** Every sign-in is appended to the trail of each organisation the person belongs to (A.8.15, A.5.16). */
export async function recordSignIn(
  database: DatabaseHandle,
  env: AppEnv,
  userId: string,
  ip: string | null,
): Promise<void> {
  const rows = await membershipsWithEmail(database.db, userId);
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
