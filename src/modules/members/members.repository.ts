import type { Db } from '../../db/connection.ts';
import type { Role } from '../../vocabulary/index.ts';

const memberColumns = [
  'membership.id',
  'membership.user_id',
  'membership.role',
  'membership.created_at',
  'user.name',
  'user.email',
  'user.twoFactorEnabled',
] as const;

export async function listMembers(db: Db, organisationId: string, page: { page: number; pageSize: number }) {
  const base = db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .where('membership.organisation_id', '=', organisationId);
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .select(memberColumns)
    .orderBy('user.name')
    .orderBy('membership.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function findMember(db: Db, organisationId: string, membershipId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(memberColumns)
    .where('membership.organisation_id', '=', organisationId)
    .where('membership.id', '=', membershipId)
    .executeTakeFirst();
}

export async function findMembershipOfUser(db: Db, organisationId: string, userId: string) {
  return db
    .selectFrom('membership')
    .select(['id', 'role'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function countAdmins(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('membership')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setRole(db: Db, organisationId: string, membershipId: string, role: Role) {
  await db
    .updateTable('membership')
    .set({ role })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', membershipId)
    .execute();
}

export async function deleteMember(db: Db, organisationId: string, membershipId: string) {
  await db
    .deleteFrom('membership')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', membershipId)
    .execute();
}

/** A member of this organisation by email, for assigning owners; null when not a member. */
export async function memberByEmail(db: Db, organisationId: string, email: string) {
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.id', 'user.name', 'user.email', 'membership.role'])
    .where('membership.organisation_id', '=', organisationId)
    .where('user.email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function insertMember(
  db: Db,
  row: {
    id: string;
    organisationId: string;
    userId: string;
    role: Role;
    createdAt: string;
    scope?: string[] | null;
  },
) {
  await db
    .insertInto('membership')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      user_id: row.userId,
      role: row.role,
      created_at: row.createdAt,
      scope_json: row.scope ? JSON.stringify(row.scope) : null,
    })
    .execute();
}

/** The organisation's admins, whom operational mail (a disabled webhook endpoint, …) is addressed to. */
export async function adminContacts(db: Db, organisationId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.name', 'user.email'])
    .where('membership.organisation_id', '=', organisationId)
    .where('membership.role', '=', 'admin')
    .orderBy('user.name')
    .execute();
}
