import type { Kysely, Migration } from 'kysely';
import { hasPlainSecret, sealStoredConfig } from '../../domain/secrets/sso-config.ts';

// Issue #20, SAML 2.0 and secrets at rest:
// - sso_connection gets the SAML settings closeloop keeps beside the plugin's row: the clock skew an
//   admin allows for NotBefore / NotOnOrAfter and the IdP metadata URL the XML was read from.
// - every OIDC client secret (and any SAML private key) already stored in ssoProvider in the clear is
//   sealed with the server's key (AES-256-GCM, src/domain/secrets/sealed.ts), as new ones are. That needs
//   the key: `migrateToLatest(db, { serverSecret })` binds it; without one, a row to seal stops the
//   migration with a message rather than leaving a secret in the clear (ISO/IEC 27001:2022 A.8.24).

interface ProviderRow {
  id: string;
  oidcConfig: string | null;
  samlConfig: string | null;
}

export class SealingKeyMissing extends Error {
  constructor() {
    super(
      'migration 0023 seals the SSO client secrets stored in the database and needs the server key: ' +
        'set CLOSELOOP_SECRET (or keep data/secret.key) as the servers have it, then migrate again',
    );
  }
}

export function sealingMigration(serverSecret: string | undefined): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // The key is checked before any change: SQLite has no transactional DDL, so a stop half way
      // would leave the new columns behind and the next attempt would fail on them.
      const q = db as unknown as Kysely<{ ssoProvider: ProviderRow }>;
      const rows = await q.selectFrom('ssoProvider').select(['id', 'oidcConfig', 'samlConfig']).execute();
      const plain = rows.filter((r) => hasPlainSecret(r.oidcConfig) || hasPlainSecret(r.samlConfig));
      if (plain.length > 0 && !serverSecret) throw new SealingKeyMissing();
      await db.schema.alterTable('sso_connection').addColumn('clock_skew_seconds', 'integer').execute();
      await db.schema.alterTable('sso_connection').addColumn('metadata_url', 'text').execute();
      for (const row of plain) {
        const key = serverSecret ?? '';
        await q
          .updateTable('ssoProvider')
          .set({
            oidcConfig: row.oidcConfig === null ? null : sealStoredConfig(row.oidcConfig, key),
            samlConfig: row.samlConfig === null ? null : sealStoredConfig(row.samlConfig, key),
          })
          .where('id', '=', row.id)
          .execute();
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('sso_connection').dropColumn('metadata_url').execute();
      await db.schema.alterTable('sso_connection').dropColumn('clock_skew_seconds').execute();
    },
  };
}
