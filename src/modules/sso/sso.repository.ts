import type { Db } from '../../db/connection.ts';
import type { SsoConnectionTable } from '../../db/schema-sso.ts';

// closeloop's SSO settings (sso_connection) and the plugin's provider row (ssoProvider), always by
// organisation; the provider row is read by better-auth at sign-in time.

export async function connectionsOf(db: Db, organisationId: string) {
  return db
    .selectFrom('sso_connection as c')
    .innerJoin('ssoProvider as p', 'p.providerId', 'c.provider_id')
    .selectAll('c')
    .select(['p.issuer', 'p.oidcConfig', 'p.samlConfig'])
    .where('c.organisation_id', '=', organisationId)
    .orderBy('c.created_at')
    .execute();
}

export async function connectionOf(db: Db, organisationId: string, providerId: string) {
  return db
    .selectFrom('sso_connection as c')
    .innerJoin('ssoProvider as p', 'p.providerId', 'c.provider_id')
    .selectAll('c')
    .select(['p.issuer', 'p.oidcConfig', 'p.samlConfig'])
    .where('c.organisation_id', '=', organisationId)
    .where('c.provider_id', '=', providerId)
    .executeTakeFirst();
}

export async function deleteConnection(db: Db, organisationId: string, providerId: string) {
  await db
    .deleteFrom('sso_connection')
    .where('organisation_id', '=', organisationId)
    .where('provider_id', '=', providerId)
    .execute();
  await db
    .deleteFrom('ssoProvider')
    .where('organizationId', '=', organisationId)
    .where('providerId', '=', providerId)
    .execute();
}

export async function connectionByDomain(db: Db, domain: string) {
  return db.selectFrom('sso_connection').selectAll().where('domain', '=', domain).executeTakeFirst();
}

export async function connectionByProvider(db: Db, providerId: string) {
  return db.selectFrom('sso_connection').selectAll().where('provider_id', '=', providerId).executeTakeFirst();
}

/** The connection a provider signs people into, with its organisation (for the JIT membership). */
export async function connectionWithOrganisation(db: Db, providerId: string) {
  return db
    .selectFrom('sso_connection as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      'c.jit_role',
      'c.enabled',
      'c.domain',
      'c.protocol',
      'c.clock_skew_seconds',
      'o.id',
      'o.slug',
      'o.name',
    ])
    .where('c.provider_id', '=', providerId)
    .executeTakeFirst();
}

export async function ssoRequiredFor(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('sso_connection as c', 'c.organisation_id', 'm.organisation_id')
    .select('m.id')
    .where('m.user_id', '=', userId)
    .where('m.role', '!=', 'admin')
    .where('c.sso_required', '=', 1)
    .where('c.enabled', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function saveConnection(
  db: Db,
  row: SsoConnectionTable,
  provider: {
    issuer: string;
    oidcConfig: string | null;
    samlConfig: string | null;
    organizationId: string;
    userId: string | null;
  },
) {
  const existing = await connectionByProvider(db, row.provider_id);
  if (existing) {
    await db
      .updateTable('sso_connection')
      .set({
        domain: row.domain,
        jit_role: row.jit_role,
        sso_required: row.sso_required,
        clock_skew_seconds: row.clock_skew_seconds,
        metadata_url: row.metadata_url,
        updated_at: row.updated_at,
      })
      .where('id', '=', existing.id)
      .where('organisation_id', '=', row.organisation_id)
      .execute();
    await db
      .updateTable('ssoProvider')
      .set({
        issuer: provider.issuer,
        oidcConfig: provider.oidcConfig,
        samlConfig: provider.samlConfig,
        domain: row.domain,
      })
      .where('providerId', '=', row.provider_id)
      .where('organizationId', '=', row.organisation_id)
      .execute();
    return;
  }
  await db
    .insertInto('ssoProvider')
    .values({
      id: crypto.randomUUID(),
      issuer: provider.issuer,
      oidcConfig: provider.oidcConfig,
      samlConfig: provider.samlConfig,
      userId: provider.userId,
      providerId: row.provider_id,
      organizationId: provider.organizationId,
      domain: row.domain,
    })
    .execute();
  await db.insertInto('sso_connection').values(row).execute();
}
