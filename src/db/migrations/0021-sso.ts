import type { Kysely } from 'kysely';

// Single sign-on (issue #20). `ssoProvider` is the table of better-auth's SSO plugin (@better-auth/sso),
// with the column names that library expects; `sso_connection` is closeloop's own per-organisation
// settings around it: the verified email domain that routes sign-in, just-in-time membership (a default
// role, or none for invitation-only) and "SSO required" for members (ISO/IEC 27001:2022 A.5.16, A.5.17).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ssoProvider')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('oidcConfig', 'text')
    .addColumn('samlConfig', 'text')
    .addColumn('userId', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('providerId', 'text', (c) => c.notNull().unique())
    .addColumn('organizationId', 'text')
    .addColumn('domain', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sso_connection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisation.id').onDelete('cascade'),
    )
    .addColumn('provider_id', 'text', (c) => c.notNull().unique())
    .addColumn('protocol', 'text', (c) => c.notNull())
    // One organisation owns an email domain: sign-in routes by it, so a second claim is refused.
    .addColumn('domain', 'text', (c) => c.notNull().unique())
    .addColumn('jit_role', 'text')
    .addColumn('sso_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sso_connection_org_idx')
    .on('sso_connection')
    .column('organisation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sso_connection').execute();
  await db.schema.dropTable('ssoProvider').execute();
}
