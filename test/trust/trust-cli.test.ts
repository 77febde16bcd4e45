import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { hasKind, kinds, migratedDatabase } from '../support/harness.ts';

// `closeloop trust links`: the demo's share link is listed (never its address) and revoked from the shell.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`trust links command on ${kind}`, () => {
    // Loads the whole demo first: tens of seconds on PostgreSQL under load.
    it('lists the share links and revokes one at once', async () => {
      const db = await migratedDatabase(kind);
      const flags = ['--data-dir', db.dataDir, ...(db.databaseUrl ? ['--database-url', db.databaseUrl] : [])];
      expect((await cli(['demo', ...flags])).code).toBe(0);
      const listed = await cli(['trust', 'links', '--org', 'demo', ...flags]);
      expect(listed.code).toBe(0);
      const [link] = JSON.parse(listed.stdout).items;
      expect(link).toMatchObject({ label: 'Fabrikam procurement review', live: true, revokedAt: null });
      expect(listed.stdout).not.toContain('/s/');
      const revoked = await cli(['trust', 'links', '--org', 'demo', '--revoke', link.id, ...flags]);
      expect(JSON.parse(revoked.stdout).items[0]).toMatchObject({ id: link.id, live: false });
      const again = await cli(['trust', 'links', '--org', 'demo', '--revoke', link.id, ...flags]);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain('share link not found');
      expect((await cli(['trust', 'links', ...flags])).code).toBe(2);
    }, 180_000);
  });
}
