import type { Db } from '../../db/connection.ts';

export async function findOrganisationBySlug(db: Db, slug: string) {
  return db.selectFrom('organisation').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertOrganisation(
  db: Db,
  row: { id: string; slug: string; name: string; createdAt: string; settings: Record<string, unknown> },
) {
  await db
    .insertInto('organisation')
    .values({
      id: row.id,
      slug: row.slug,
      name: row.name,
      created_at: row.createdAt,
      settings_json: JSON.stringify(row.settings),
    })
    .execute();
}

export async function organisationsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('organisation')
    .innerJoin('membership', 'membership.organisation_id', 'organisation.id')
    .select([
      'organisation.id',
      'organisation.slug',
      'organisation.name',
      'organisation.created_at',
      'membership.role',
      'membership.scope_json',
    ])
    .where('membership.user_id', '=', userId)
    .orderBy('organisation.name')
    .execute();
}

/** The settings as the gate read them with the membership, when `known` is that row; else one query. */
export async function organisationSettings(
  db: Db,
  organisationId: string,
  known?: { settingsJson?: string; name: string },
) {
  if (known?.settingsJson !== undefined)
    return { ...(JSON.parse(known.settingsJson) as Record<string, unknown>), name: known.name } as {
      name: string;
    } & Record<string, unknown>;
  const row = await db
    .selectFrom('organisation')
    .select(['name', 'settings_json'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return { ...(JSON.parse(row.settings_json) as Record<string, unknown>), name: row.name } as {
    name: string;
  } & Record<string, unknown>;
}

export async function updateOrganisation(
  db: Db,
  organisationId: string,
  patch: { name: string; settings: Record<string, unknown> },
) {
  await db
    .updateTable('organisation')
    .set({ name: patch.name, settings_json: JSON.stringify(patch.settings) })
    .where('id', '=', organisationId)
    .execute();
}

/** The member's row in one organisation by its id (an API token names its organisation by id). */
export async function membershipById(db: Db, organisationId: string, userId: string) {
  return db
    .selectFrom('organisation')
    .innerJoin('membership', 'membership.organisation_id', 'organisation.id')
    .select([
      'organisation.id',
      'organisation.slug',
      'organisation.name',
      'membership.role',
      'membership.scope_json',
    ])
    .where('organisation.id', '=', organisationId)
    .where('membership.user_id', '=', userId)
    .executeTakeFirst();
}

/** The caller's membership in the organisation named by a URL slug (the gate's tenancy check). */
export async function membershipBySlug(db: Db, slug: string, userId: string) {
  return db
    .selectFrom('organisation')
    .innerJoin('membership', 'membership.organisation_id', 'organisation.id')
    .select([
      'organisation.id',
      'organisation.slug',
      'organisation.name',
      'organisation.settings_json',
      'membership.role',
      'membership.scope_json',
    ])
    .where('organisation.slug', '=', slug)
    .where('membership.user_id', '=', userId)
    .executeTakeFirst();
}

/** Every organisation a person belongs to, with their role and email (for the sign-in trail). */
export async function membershipsWithEmail(db: Db, userId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['organisation.id', 'organisation.slug', 'organisation.name', 'membership.role', 'user.email'])
    .where('membership.user_id', '=', userId)
    .execute();
}

/** Organisations in id order after `afterId`, a page at a time: system-wide sweeps (background jobs). */
export async function organisationsAfter(db: Db, afterId: string, limit: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'slug', 'name'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function organisationById(db: Db, id: string) {
  return db.selectFrom('organisation').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
}
