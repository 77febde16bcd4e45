import type { Db } from '../../db/connection.ts';
import type { MailOutboxTable } from '../../db/schema.ts';

export async function insertOutboxMessage(db: Db, row: MailOutboxTable) {
  await db.insertInto('mail_outbox').values(row).execute();
}

/**
 * Mail of an organisation: messages sent for it (invitations, reminders), and — for its admins only —
 * account messages (password resets) addressed to its members.
 */
export async function listOutbox(
  db: Db,
  organisationId: string,
  page: { page: number; pageSize: number },
  withAccountMail: boolean,
) {
  const base = db
    .selectFrom('mail_outbox')
    .where((eb) =>
      eb.or([
        eb('organisation_id', '=', organisationId),
        ...(withAccountMail
          ? [
              eb.and([
                eb('organisation_id', 'is', null),
                eb(
                  'to_address',
                  'in',
                  eb
                    .selectFrom('membership')
                    .innerJoin('user', 'user.id', 'membership.user_id')
                    .select('user.email')
                    .where('membership.organisation_id', '=', organisationId),
                ),
              ]),
            ]
          : []),
      ]),
    );
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}
