import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { freshDatabase, hasKind, kinds } from '../support/harness.ts';

// `closeloop objectives list|add|record` (issue #13, 6.2): JSON on stdout, a usage error exits 2 naming the
// flag, a refusal exits 1 with a one-line reason.

const orgCreate = 'org create --slug acme --name Acme --admin-email a@acme.test'.split(' ');
orgCreate.push('--admin-password', 'long enough password');
const today = new Date().toISOString().slice(0, 10);

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`objectives from the command line on ${kind}`, () => {
    // Six commands in-process, each opening the database and checking its migrations.
    it('adds an objective, records results and lists the register', { timeout: 60_000 }, async () => {
      const db = await freshDatabase(kind);
      const flags = ['--data-dir', db.dataDir, ...(db.databaseUrl ? ['--database-url', db.databaseUrl] : [])];
      expect((await cli([...orgCreate, ...flags])).code).toBe(0);
      const add = ['objectives', 'add', '--org', 'acme', '--ref', 'OBJ-1', '--title', 'Patch fast'];
      const noTarget = await cli([
        ...add,
        '--measure',
        'Critical patched in 14 days',
        '--target',
        'lots',
        ...flags,
      ]);
      expect(noTarget.code).toBe(2);
      expect(noTarget.stderr).toMatch(/--target/);
      const added = await cli([
        ...add,
        ...['--measure', 'Critical patched in 14 days', '--target', '98', '--unit', '%', '--owner', 'Tom'],
        ...['--due', '2099-12-31', ...flags],
      ]);
      expect(added.code, added.stderr).toBe(0);
      expect(JSON.parse(added.stdout)).toMatchObject({
        ref: 'OBJ-1',
        targetText: '≥ 98 %',
        status: 'planned',
      });
      const recorded = await cli([
        'objectives',
        'record',
        'OBJ-1',
        '--org',
        'acme',
        '--value',
        '97.5',
        ...flags,
      ]);
      expect(recorded.code, recorded.stderr).toBe(0);
      expect(JSON.parse(recorded.stdout)).toMatchObject({
        progress: 'off_target',
        results: [{ measuredOn: today, value: 97.5, recordedBy: 'cli' }],
      });
      const unknown = await cli(['objectives', 'record', 'OBJ-9', '--org', 'acme', '--value', '1', ...flags]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
      const list = await cli(['objectives', 'list', '--org', 'acme', ...flags]);
      expect(list.code, list.stderr).toBe(0);
      expect(
        JSON.parse(list.stdout).items.map((o: { ref: string; resultCount: number }) => [
          o.ref,
          o.resultCount,
        ]),
      ).toEqual([['OBJ-1', 1]]);
    });
  });
}
