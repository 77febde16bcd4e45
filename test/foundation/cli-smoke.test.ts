import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/registry.ts';
import { cliProcess } from '../support/cli.ts';
import { freshDatabase } from '../support/harness.ts';

// Every other CLI test calls the commands in-process (test/support/cli.ts); this file starts each command
// once as a real process through bin/closeloop.js, as cron or a shell would: the tsx loader, the dynamic
// imports of each command, stdout/stderr and the exit code reaching the shell. `serve` is started as a
// process by shutdown.test.ts. On SQLite only: the engines are covered by the in-process tests.
const smoked = new Set<string>(['serve']);
const run = async (args: string[], flags: string[]) => {
  const name = commands.find((c) => c.path.every((w, i) => args[i] === w))?.path.join(' ');
  if (name) smoked.add(name);
  return cliProcess([...args, ...flags]);
};

const csv = [
  'ref,grade,requirement,statement,evidence,owner_email',
  'NC-01,major,A.8.8,"Vulnerabilities are not evaluated within a defined time","Scan of 10 Feb",',
].join('\r\n');

describe('every closeloop command as a process', () => {
  // About fifteen processes, each booting tsx and the runtime (seconds each on a loaded 2-core machine).
  it('runs each command from the shell with its exit code and output', { timeout: 240_000 }, async () => {
    const db = await freshDatabase('sqlite');
    const flags = ['--data-dir', db.dataDir];
    const file = (name: string, text: string) => {
      const p = path.join(db.dataDir, name);
      fs.writeFileSync(p, text);
      return p;
    };

    expect((await run(['migrate'], flags)).stdout).toMatch(/^applied 0001-accounts/);
    const bad = await run(['org', 'create', '--slug', 'x'], flags);
    expect({ code: bad.code, stderr: bad.stderr.trim() }).toEqual({
      code: 2,
      stderr: 'closeloop org create: missing --name (display name)',
    });
    const org = await run(
      ['org', 'create', '--slug', 'acme', '--name', 'Acme', '--admin-email', 'a@acme.test'],
      ['--admin-password', 'long enough password', ...flags],
    );
    expect(org.code, org.stderr).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ slug: 'acme', admin: { email: 'a@acme.test' } });
    const audit = await run(
      ['audit', 'create', '--org', 'acme', '--ref', 'S2', '--type', 'stage2', '--body', 'Certa'],
      ['--report-received', '2026-03-06', ...flags],
    );
    expect(JSON.parse(audit.stdout)).toMatchObject({ ref: 'S2' });
    const imported = await run(
      ['import', 'findings', file('r.csv', csv), '--org', 'acme', '--audit', 'S2'],
      flags,
    );
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 1 });
    const list = await run(['findings', 'list', '--org', 'acme', '--json'], flags);
    expect(JSON.parse(list.stdout).map((f: { ref: string }) => f.ref)).toEqual(['NC-01']);
    const shown = await run(['audit', 'show', '--org', 'acme', '--ref', 'S2', '--json'], flags);
    expect(JSON.parse(shown.stdout)).toMatchObject({ ref: 'S2' });
    const out = path.join(db.dataDir, 'cap.json');
    const report = await run(['report', 'cap', '--org', 'acme', '--format', 'json', '--out', out], flags);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ kind: 'cap' });
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
    expect((await run(['notify'], flags)).code).toBe(0);
    const cert = await run(
      ['cert', 'add', '--org', 'acme', '--number', 'IS 1', '--body', 'Certa', '--issued', '2028-02-29'],
      flags,
    );
    expect(JSON.parse(cert.stdout).certificate).toMatchObject({ expiresOn: '2031-02-28' });
    const remind = await run(['cert', 'remind', '--org', 'acme', '--on', '2028-03-01'], flags);
    expect(JSON.parse(remind.stdout)).toMatchObject({ recipients: ['a@acme.test'] });
    const links = await run(['trust', 'links', '--org', 'acme'], flags);
    expect(JSON.parse(links.stdout)).toEqual({ items: [] });
    const docs = await run(['documents', 'remind', '--org', 'acme'], flags);
    expect(docs.code, docs.stderr).toBe(0);
    const posture = await run(['posture', '--org', 'acme', '--json'], flags);
    expect(JSON.parse(posture.stdout)).toHaveProperty('alignment');
    const verified = await run(['audit-log', 'verify', '--org', 'acme'], flags);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok \d+ entries/) });
    const demo = await run(['demo'], flags);
    expect(demo).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^loaded demo organisation 'demo'/),
    });

    expect([...smoked].sort()).toEqual(commands.map((c) => c.path.join(' ')).sort());
  });
});
