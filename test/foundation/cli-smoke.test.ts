import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/registry.ts';
import { cli, cliProcess } from '../support/cli.ts';
import { freshDatabase } from '../support/harness.ts';

// Every other CLI test calls the commands in-process (test/support/cli.ts); this file starts each command
// once as a real process through bin/closeloop.js, as cron or a shell would: the tsx loader, the command's
// dynamic imports, stdout/stderr and the exit code reaching the shell. `serve` is started as a process by
// shutdown.test.ts. SQLite only: the engines are covered by the in-process tests. The organisation the
// commands work on is made in-process first; each test reads only what it wrote or what beforeAll made.
// Each test starts one process (tsx and the runtime boot: seconds, more on a loaded machine): 60 s each.
const PROCESS_TIMEOUT = 60_000;
const smoked = new Set<string>(['serve']);
let flags: string[] = [];
let dataDir = '';
const file = (name: string, text: string) => {
  const p = path.join(dataDir, name);
  fs.writeFileSync(p, text);
  return p;
};
/** Runs `args` as a process against the test database and notes which command it exercised. */
const run = async (args: string[], extra = flags) => {
  const name = commands.find((c) => c.path.every((w, i) => args[i] === w))?.path.join(' ');
  if (name) smoked.add(name);
  return cliProcess([...args, ...extra]);
};
const csv = [
  'ref,grade,requirement,statement,evidence,owner_email',
  'NC-01,major,A.8.8,"Vulnerabilities are not evaluated within a defined time","Scan of 10 Feb",',
].join('\r\n');

describe('every closeloop command as a process', () => {
  beforeAll(async () => {
    const db = await freshDatabase('sqlite');
    dataDir = db.dataDir;
    flags = ['--data-dir', dataDir];
    for (const args of [
      orgCreate(),
      ['audit', 'create', '--org', 'acme', '--ref', 'S2', '--type', 'stage2', '--body', 'Certa'],
      ['import', 'findings', file('r.csv', csv), '--org', 'acme', '--audit', 'S2'],
    ]) {
      const r = await cli([...args, ...flags]);
      expect(r.code, r.stderr).toBe(0);
    }
  });
  afterAll(() => {
    expect([...smoked].sort()).toEqual(commands.map((c) => c.path.join(' ')).sort());
  });

  it(
    'migrate, and a usage error with exit code 2 and one line',
    async () => {
      const own = await freshDatabase('sqlite');
      expect((await run(['migrate'], ['--data-dir', own.dataDir])).stdout).toMatch(/^applied 0001-accounts/);
      const bad = await run(['org', 'create', '--slug', 'x'], ['--data-dir', own.dataDir]);
      expect({ code: bad.code, stderr: bad.stderr.trim() }).toEqual({
        code: 2,
        stderr: 'closeloop org create: missing --name (display name)',
      });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'mcp refuses to start without an API token (test/mcp/mcp.test.ts drives it with one)',
    async () => {
      const r = await run(['mcp'], [...flags, '--token', ' ']);
      expect({ code: r.code, stderr: r.stderr.trim() }).toEqual({
        code: 2,
        stderr: 'closeloop mcp: --token or CLOSELOOP_TOKEN: an API token is required',
      });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'org create',
    async () => {
      const org = await run(
        ['org', 'create', '--slug', 'beta', '--name', 'Beta', '--admin-email', 'b@beta.test'],
        ['--admin-password', 'long enough password', ...flags],
      );
      expect(org.code, org.stderr).toBe(0);
      expect(JSON.parse(org.stdout)).toMatchObject({ slug: 'beta', admin: { email: 'b@beta.test' } });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'audit create',
    async () => {
      const audit = await run([
        'audit',
        'create',
        '--org',
        'acme',
        '--ref',
        'S3',
        '--type',
        'surveillance',
        '--body',
        'Certa',
      ]);
      expect(audit.code, audit.stderr).toBe(0);
      expect(JSON.parse(audit.stdout)).toMatchObject({ ref: 'S3' });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'import findings',
    async () => {
      await cli([
        'audit',
        'create',
        '--org',
        'acme',
        '--ref',
        'S4',
        '--type',
        'stage2',
        '--body',
        'Certa',
        ...flags,
      ]);
      const imported = await run([
        'import',
        'findings',
        file('s4.csv', csv),
        '--org',
        'acme',
        '--audit',
        'S4',
      ]);
      expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 1 });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'findings list',
    async () => {
      const list = await run(['findings', 'list', '--org', 'acme', '--audit', 'S2', '--json']);
      expect(JSON.parse(list.stdout).map((f: { ref: string }) => f.ref)).toEqual(['NC-01']);
    },
    PROCESS_TIMEOUT,
  );

  it(
    'audit show',
    async () => {
      const shown = await run(['audit', 'show', '--org', 'acme', '--ref', 'S2', '--json']);
      expect(JSON.parse(shown.stdout)).toMatchObject({ ref: 'S2' });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'report',
    async () => {
      const out = path.join(dataDir, 'cap.json');
      const report = await run([
        'report',
        'cap',
        '--org',
        'acme',
        '--audit',
        'S2',
        '--format',
        'json',
        '--out',
        out,
      ]);
      expect(report.code, report.stderr).toBe(0);
      expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ title: 'Corrective Action Plan' });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'plan solve',
    async () => {
      const problem = {
        resources: [{ id: 'R1', capacity: 1 }],
        tasks: [
          { id: 'a', duration: 2, demands: { R1: 1 }, predecessors: [] },
          { id: 'b', duration: 3, demands: { R1: 1 }, predecessors: [] },
        ],
        timeLimitMs: 100,
      };
      const solved = await run(['plan', 'solve', file('p.json', JSON.stringify(problem))], []);
      expect(JSON.parse(solved.stdout)).toMatchObject({ makespan: 5, feasible: true });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'notify',
    async () => {
      const r = await run(['notify']);
      expect(r.code, r.stderr).toBe(0);
    },
    PROCESS_TIMEOUT,
  );

  it(
    'cert add',
    async () => {
      const cert = await run([
        'cert',
        'add',
        '--org',
        'acme',
        '--number',
        'IS 1',
        '--body',
        'Certa',
        '--issued',
        '2028-02-29',
      ]);
      expect(JSON.parse(cert.stdout).certificate).toMatchObject({ expiresOn: '2031-02-28' });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'cert remind',
    async () => {
      const own = await freshDatabase('sqlite');
      const ownFlags = ['--data-dir', own.dataDir];
      await cli([...orgCreate(), ...ownFlags]);
      await cli([
        'cert',
        'add',
        '--org',
        'acme',
        '--number',
        'IS 2',
        '--body',
        'Certa',
        '--issued',
        '2028-02-29',
        ...ownFlags,
      ]);
      const remind = await run(['cert', 'remind', '--org', 'acme', '--on', '2028-03-01'], ownFlags);
      expect(JSON.parse(remind.stdout)).toMatchObject({ recipients: ['a@acme.test'] });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'trust links',
    async () => {
      const links = await run(['trust', 'links', '--org', 'acme']);
      expect(JSON.parse(links.stdout)).toEqual({ items: [] });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'webhooks list, deliveries, redeliver',
    async () => {
      expect(JSON.parse((await run(['webhooks', 'list', '--org', 'acme'])).stdout)).toEqual({ items: [] });
      for (const args of [
        ['deliveries', 'nope'],
        ['redeliver', 'nope', 'nope'],
      ]) {
        const r = await run(['webhooks', ...args, '--org', 'acme']);
        expect({ code: r.code, stderr: r.stderr.trim() }).toEqual({
          code: 1,
          stderr: `closeloop webhooks ${args[0]}: webhook ${args[0] === 'deliveries' ? 'endpoint' : 'delivery'} not found`,
        });
      }
    },
    PROCESS_TIMEOUT,
  );

  it('objectives add, record, list', { timeout: PROCESS_TIMEOUT }, async () => {
    const add = 'objectives add --org acme --ref OBJ-01 --title Patch --measure share --target 95';
    for (const a of [add, 'objectives record OBJ-01 --org acme --value 97'])
      expect((await run(a.split(' '))).code).toBe(0);
    expect((await run(['objectives', 'list', '--org', 'acme'])).stdout).toContain('OBJ-01');
  });

  it(
    'documents remind',
    async () => {
      const docs = await run(['documents', 'remind', '--org', 'acme']);
      expect(docs.code, docs.stderr).toBe(0);
    },
    PROCESS_TIMEOUT,
  );

  it(
    'posture',
    async () => {
      const posture = await run(['posture', '--org', 'acme', '--json']);
      expect(JSON.parse(posture.stdout)).toHaveProperty('readinessScore');
    },
    PROCESS_TIMEOUT,
  );

  it(
    'audit-log verify',
    async () => {
      const verified = await run(['audit-log', 'verify', '--org', 'acme']);
      expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok \d+ entries/) });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'storage migrate refuses without a PostgreSQL target (exit 2, one line); the copy itself is tested in test/scaleout',
    async () => {
      const r = await run(['storage', 'migrate', '--to', 'postgres']);
      expect({ code: r.code, stderr: r.stderr.trim() }).toEqual({
        code: 2,
        stderr:
          'closeloop storage migrate: --to postgres needs DATABASE_URL (or --database-url) of the target database',
      });
    },
    PROCESS_TIMEOUT,
  );

  it(
    'jobs list, run, failed and retry (exit 1 with one line for an unknown dead letter)',
    async () => {
      const list = JSON.parse((await run(['jobs', 'list'])).stdout) as { name: string }[];
      expect(list.map((j) => j.name)).toContain('notifications-due');
      const ran = await run(['jobs', 'run', 'expired-records-cleanup']);
      expect(ran.code, ran.stderr).toBe(0);
      expect(JSON.parse(ran.stdout)).toEqual({
        job: 'expired-records-cleanup',
        result: { rateLimitWindows: 0 },
      });
      expect(JSON.parse((await run(['jobs', 'failed'])).stdout)).toEqual([]);
      const retry = await run(['jobs', 'retry', 'no-such-id']);
      expect({ code: retry.code, stderr: retry.stderr.trim() }).toEqual({
        code: 1,
        stderr: "closeloop jobs retry: no failed job with id 'no-such-id'",
      });
    },
    4 * PROCESS_TIMEOUT,
  );

  it(
    'backup, then restore into an empty folder (and refused into a folder with a database)',
    async () => {
      const out = path.join(dataDir, 'backup.zip');
      const made = await run(['backup', '--out', out]);
      expect(made.code, made.stderr).toBe(0);
      expect(JSON.parse(made.stdout)).toMatchObject({ format: 'closeloop-backup/1', files: 0 });
      const target = path.join(dataDir, 'restored');
      const back = await run(['restore', '--from', out], ['--data-dir', target]);
      expect(back.code, back.stderr).toBe(0);
      expect(fs.existsSync(path.join(target, 'closeloop.db'))).toBe(true);
      const again = await run(['restore', '--from', out], ['--data-dir', target]);
      expect({ code: again.code, stderr: again.stderr.trim() }).toEqual({
        code: 1,
        stderr: `restore refused: ${target} already holds a database: restore into an empty folder`,
      });
    },
    3 * PROCESS_TIMEOUT,
  );

  it('demo', async () => {
    const own = await freshDatabase('sqlite');
    const demo = await run(['demo'], ['--data-dir', own.dataDir]);
    expect(demo).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^loaded demo organisation 'demo'/),
    });
  }, 120_000); // the process loads the whole demo
});

function orgCreate() {
  return [
    'org',
    'create',
    '--slug',
    'acme',
    '--name',
    'Acme',
    '--admin-email',
    'a@acme.test',
    '--admin-password',
    'long enough password',
  ];
}
