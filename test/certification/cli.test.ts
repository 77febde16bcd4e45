import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { hasKind, kinds, migratedDatabase } from '../support/harness.ts';

const orgCreate = 'org create --slug acme --name Acme --admin-email a@acme.test'.split(' ');
orgCreate.push('--admin-password', 'long enough password');

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`certificates from the command line on ${kind}`, () => {
    // Six commands in-process, each opening the database and checking its migrations.
    it('adds a certificate with its file and prints the planned surveillance and recertification audits', {
      timeout: 30_000,
    }, async () => {
      const db = await migratedDatabase(kind);
      const flags = ['--data-dir', db.dataDir, ...(db.databaseUrl ? ['--database-url', db.databaseUrl] : [])];
      const org = await cli([...orgCreate, ...flags]);
      expect(org.code, org.stderr).toBe(0);
      const pdf = path.join(db.dataDir, 'certificate.pdf');
      fs.writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
      const notPdf = path.join(db.dataDir, 'certificate.txt');
      fs.writeFileSync(notPdf, 'just text');
      const args = ['cert', 'add', '--org', 'acme', '--number', 'IS 712345', '--body', 'Certa', '--issued'];
      const refused = await cli([...args, '2028-02-29', '--file', notPdf, ...flags]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/not a PDF/);
      const badDate = await cli([...args, '29/02/2028', ...flags]);
      expect(badDate.code).toBe(2);
      expect(badDate.stderr).toMatch(/--issued/);

      const added = await cli([...args, '2028-02-29', '--file', pdf, ...flags]);
      expect(added.code, added.stderr).toBe(0);
      const out = JSON.parse(added.stdout);
      expect(out.certificate).toMatchObject({
        number: 'IS 712345',
        issuedOn: '2028-02-29',
        expiresOn: '2031-02-28',
        status: 'valid',
      });
      expect(out.certificate.file).toMatchObject({
        fileName: 'certificate.pdf',
        mediaType: 'application/pdf',
      });
      expect(out.audits.map((a: { type: string }) => a.type)).toEqual([
        'surveillance',
        'surveillance',
        'recertification',
      ]);
      // Surveillance due by the 28 February anniversaries, never after; recertification leaves time to close.
      for (const a of out.audits)
        expect(a.windowStart <= a.plannedOn && a.plannedOn <= a.windowEnd).toBe(true);
      expect(out.audits[0].windowEnd).toBe('2029-02-28');
      expect(out.audits[1].windowEnd).toBe('2030-02-28');
      expect(out.audits[2].windowEnd).toBe('2030-11-30');
      expect(out.audits[2].tasks.length).toBe(6);
      // Reminders: 30 days before the first surveillance audit, mailed once to the people who run the ISMS.
      const planned = Date.parse(`${out.audits[0].plannedOn}T00:00:00Z`);
      const on = new Date(planned - 30 * 86_400_000).toISOString().slice(0, 10);
      const remind = await cli(['cert', 'remind', '--org', 'acme', '--on', on, ...flags]);
      expect(remind.code, remind.stderr).toBe(0);
      const sent = JSON.parse(remind.stdout);
      expect(sent.recipients).toEqual(['a@acme.test']);
      expect(sent.reminded).toContainEqual({
        date: on,
        title: 'Surveillance audit 1 in 30 days',
        kind: 'reminder',
      });
      const twice = await cli(['cert', 'remind', '--org', 'acme', '--on', on, ...flags]);
      expect(JSON.parse(twice.stdout).reminded).toEqual([]);
    });

    it('refuses a certificate on a stage 2 audit with an open major, in one line, unless a reason is given', {
      timeout: 180_000,
    }, async () => {
      const db = await migratedDatabase(kind);
      const flags = ['--data-dir', db.dataDir, ...(db.databaseUrl ? ['--database-url', db.databaseUrl] : [])];
      const run = (args: string[]) => cli([...args, ...flags]);
      expect((await run(orgCreate)).code).toBe(0);
      const audit = await run([
        'audit',
        'create',
        '--org',
        'acme',
        '--ref',
        'S2',
        '--type',
        'stage2',
        '--body',
        'Certa',
        '--report-received',
        '2027-01-15',
      ]);
      expect(audit.code, audit.stderr).toBe(0);
      const csv = path.join(db.dataDir, 'ncr.csv');
      fs.writeFileSync(
        csv,
        'ref,grade,requirement,statement\r\nNC-01,major,A.8.8,Vulnerabilities not evaluated\r\n',
      );
      expect((await run(['import', 'findings', csv, '--org', 'acme', '--audit', 'S2'])).code).toBe(0);
      const args = [
        'cert',
        'add',
        '--org',
        'acme',
        '--number',
        'C-1',
        '--body',
        'Certa',
        '--issued',
        '2027-02-10',
        '--decided',
        '2027-01-05',
        '--audit',
        'S2',
        '--edition',
        '2022-amd1',
      ];
      const refused = await run(args);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toMatch(/major NC-01 is not verified by the certification body/);
      const badEdition = await run([...args.slice(0, -1), '2017']);
      expect(badEdition.code).toBe(2);
      expect(badEdition.stderr).toMatch(/--edition/);
      const historical = await run([...args, '--reason', 'Decided by Certa before closeloop was used']);
      expect(historical.code, historical.stderr).toBe(0);
      const out = JSON.parse(historical.stdout);
      expect(out.certificate).toMatchObject({
        decidedOn: '2027-01-05',
        expiresOn: '2030-01-04',
        edition: '2022-amd1',
        auditRef: 'S2',
        historicalReason: 'Decided by Certa before closeloop was used',
      });
      expect(
        out.audits.map((a: { type: string; plannedOn: string }) => [a.type, a.plannedOn.slice(0, 4)]),
      ).toEqual([
        ['surveillance', '2027'],
        ['surveillance', '2028'],
        ['recertification', '2029'],
      ]);
    });
  });
}
