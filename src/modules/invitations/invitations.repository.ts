import type { Db } from '../../db/connection.ts';
import type { InvitationTable } from '../../db/schema.ts';

export async function insertInvitation(db: Db, row: InvitationTable) {
  await db.insertInto('invitation').values(row).execute();
}

export async function listInvitations(
  db: Db,
  organisationId: string,
  page: { page: number; pageSize: number },
) {
  const base = db.selectFrom('invitation').where('organisation_id', '=', organisationId);
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    // A left join: invitations made by the CLI or the demo have no inviting person, shown as 'system' (issue #18).
    .leftJoin('user', 'user.id', 'invitation.invited_by')
    .selectAll('invitation')
    .select((eb) => eb.fn.coalesce('user.email', eb.val('system')).as('inviter_email'))
    .orderBy('invitation.created_at', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function findInvitation(db: Db, organisationId: string, invitationId: string) {
  return db
    .selectFrom('invitation')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', invitationId)
    .executeTakeFirst();
}

/** Looks an invitation up by the hash of its token; the token itself is never stored. */
export async function findByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('invitation')
    .innerJoin('organisation', 'organisation.id', 'invitation.organisation_id')
    .selectAll('invitation')
    .select(['organisation.slug', 'organisation.name as organisation_name'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function revokeInvitation(db: Db, organisationId: string, invitationId: string, at: string) {
  await db
    .updateTable('invitation')
    .set({ revoked_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', invitationId)
    .execute();
}

/** Marks the invitation used; only one caller can win, which is what makes the link single-use. */
export async function consumeInvitation(
  db: Db,
  invitationId: string,
  userId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('invitation')
    .set({ accepted_at: at, accepted_by: userId })
    .where('id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
