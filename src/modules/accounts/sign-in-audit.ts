import type { DatabaseHandle } from '../../db/connection.ts';
import { type AppEnv, inTransaction } from '../context.ts';
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
      {
        actor: { userId, label: row.email, via: 'session' },
        organisation: { id: row.id, slug: row.slug, name: row.name },
        role: row.role as never,
        db: database.db,
        kind: database.kind,
        now: () => new Date(),
        env,
      },
      (tx) => tx.audit({ action: 'auth.sign_in', entityType: 'user', entityId: userId, data: { ip } }),
    );
  }
}
