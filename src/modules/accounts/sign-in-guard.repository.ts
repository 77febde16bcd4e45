import type { Db } from '../../db/connection.ts';

// SQL of the sign-in guards (TOTP replay, sign-in back-off); shared by all instances through the database.

export const totpSecretOf = async (db: Db, userId: string) =>
  (await db
    .selectFrom('twoFactor' as never)
    .select('secret' as never)
    .where('userId' as never, '=', userId as never)
    .executeTakeFirst()) as { secret: string } | undefined;

/**
 * Records `step` as the user's last accepted TOTP step, only if it is later than the one recorded: one
 * conditional UPDATE, atomic on both engines. False: that step (or a later one) was already used.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  await db
    .insertInto('totp_last_step')
    .values({ user_id: userId, step: -1 })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  const r = await db
    .updateTable('totp_last_step')
    .set({ step })
    .where('user_id', '=', userId)
    .where('step', '<', step)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const failureRow = (db: Db, key: string) =>
  db.selectFrom('sign_in_failure').selectAll().where('key', '=', key).executeTakeFirst();

export async function saveFailure(
  db: Db,
  row: { key: string; failures: number; last_failed_at: string; blocked_until: string },
) {
  await db
    .insertInto('sign_in_failure')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        last_failed_at: row.last_failed_at,
        blocked_until: row.blocked_until,
      }),
    )
    .execute();
}

export const clearFailures = (db: Db, keys: string[]) =>
  db.deleteFrom('sign_in_failure').where('key', 'in', keys).execute();
