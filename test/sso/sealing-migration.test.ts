import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { migrateToLatest, migrations } from '../../src/db/migrate.ts';
import { openStoredConfig } from '../../src/domain/secrets/sso-config.ts';
import { freshDatabase, hasKind, kinds } from '../support/harness.ts';

// Migration 0023 seals the OIDC client secrets stored in the clear before it (issue #20).
const KEY = 'migration-test-key-migration-test-key!!';
const SECRET = 'plain-client-secret-from-before-0023';

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`migration 0023 on ${kind}`, { timeout: 30_000 }, () => {
    async function databaseAt0022WithPlainSecret() {
      const handle = openDatabase(await freshDatabase(kind));
      const upTo0022 = new Migrator({
        db: handle.db,
        provider: { getMigrations: async () => migrations },
      });
      const { error } = await upTo0022.migrateTo('0022-webhooks');
      if (error) throw error;
      const oidcConfig = JSON.stringify({
        issuer: 'https://idp.example',
        clientId: 'c',
        clientSecret: SECRET,
      });
      await handle.db
        .insertInto('ssoProvider')
        .values({
          id: 'p1',
          issuer: 'https://idp.example',
          oidcConfig,
          samlConfig: null,
          userId: null,
          providerId: 'oidc-acme',
          organizationId: null,
          domain: 'acme.example',
        })
        .execute();
      return { handle, oidcConfig };
    }

    it('seals a client secret stored in the clear; opened, it is the same config', async () => {
      const { handle, oidcConfig } = await databaseAt0022WithPlainSecret();
      try {
        expect(await migrateToLatest(handle.db, { serverSecret: KEY })).toContain('0023-sso-saml-sealed');
        const row = await handle.db.selectFrom('ssoProvider').select('oidcConfig').executeTakeFirstOrThrow();
        expect(row.oidcConfig).not.toContain(SECRET);
        expect(JSON.parse(openStoredConfig(row.oidcConfig!, KEY))).toEqual(JSON.parse(oidcConfig));
      } finally {
        await handle.close();
      }
    });

    it('without the server key it stops rather than leave the secret in the clear', async () => {
      const { handle } = await databaseAt0022WithPlainSecret();
      try {
        await expect(migrateToLatest(handle.db)).rejects.toThrow(/CLOSELOOP_SECRET/);
        const row = await handle.db.selectFrom('ssoProvider').select('oidcConfig').executeTakeFirstOrThrow();
        expect(row.oidcConfig).toContain(SECRET); // untouched: nothing half-done
        // With the key given, the same migration then runs through.
        // (and the later migrations after it).
        expect((await migrateToLatest(handle.db, { serverSecret: KEY }))[0]).toBe('0023-sso-saml-sealed');
      } finally {
        await handle.close();
      }
    });
  });
}
