import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { hasKind, kinds, migratedDatabase } from '../support/harness.ts';

const goodCsv = [
  'ref,grade,requirement,statement,evidence,owner_email',
  'NC-01,major,A.8.8,"Vulnerabilities are not evaluated within a defined time","Scan of 10 Feb: 14 criticals, oldest 120 days",',
  'NC-02,minor,"A.5.15; 9.2","Access reviews missed for two quarters",,',
  'OFI-01,Opportunity for improvement,A.5.36,"Automate compliance checks",,',
].join('\r\n');

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`findings from the command line on ${kind}`, () => {
    // Nine commands in-process, each opening the database and checking its migrations.
    it('creates an audit, refuses a bad report whole, imports a good one and lists it', async () => {
      const db = await migratedDatabase(kind);
      const flags = ['--data-dir', db.dataDir, ...(db.databaseUrl ? ['--database-url', db.databaseUrl] : [])];
      await cli([
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
        ...flags,
      ]);
      const created = await cli([
        'audit',
        'create',
        '--org',
        'acme',
        '--ref',
        'S2-2026',
        '--type',
        'stage2',
        '--body',
        'Certa',
        '--policy',
        'working-days-10-21',
        '--report-received',
        '2026-03-06',
        '--recommendation',
        'recommended_upon_action_plan',
        ...flags,
      ]);
      expect(created.code).toBe(0);
      expect(JSON.parse(created.stdout)).toMatchObject({ ref: 'S2-2026', policyKey: 'working-days-10-21' });
      expect(
        (
          await cli([
            'audit',
            'create',
            '--org',
            'acme',
            '--ref',
            'X',
            '--type',
            'stage9',
            '--body',
            'B',
            ...flags,
          ])
        ).code,
      ).toBe(2);

      const bad = path.join(db.dataDir, 'bad.csv');
      fs.writeFileSync(
        bad,
        `${goodCsv}\r\nNC-01,severe,A.99.1,,,not-an-email\r\nNC-04,minor,8.1,ok,,nobody@acme.test\r\n`,
      );
      for (const dry of [true, false]) {
        const r = await cli([
          'import',
          'findings',
          bad,
          '--org',
          'acme',
          '--audit',
          'S2-2026',
          ...(dry ? ['--dry-run'] : []),
          ...flags,
        ]);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('row 5, column ref: duplicate of row 2');
        expect(r.stderr).toContain('row 5, column grade: "severe" is not a grade');
        expect(r.stderr).toContain('row 5, column requirement: A.99.1 is not an Annex A control');
        expect(r.stderr).toContain('row 5, column statement: required');
        expect(r.stderr).toContain('row 5, column owner_email: "not-an-email" is not an email address');
      }
      expect(
        JSON.parse((await cli(['findings', 'list', '--org', 'acme', '--json', ...flags])).stdout),
      ).toEqual([]);

      const xlsx = path.join(db.dataDir, 'report.xlsx');
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Report');
      ws.addRow(['Finding', 'Severity', 'Clause', 'Nonconformity', 'Evidence']);
      ws.addRow(['NC-01', 'Major NC', 'A.8.8', 'Vulnerabilities are not evaluated', 'Scan report']);
      ws.addRow(['NC-02', 'minor', 'A.5.15; 9.2', 'Access reviews missed', '']);
      await wb.xlsx.writeFile(xlsx);
      const mapped = await cli([
        'import',
        'findings',
        xlsx,
        '--org',
        'acme',
        '--audit',
        'S2-2026',
        '--map',
        'ref=Finding',
        '--map',
        'grade=Severity',
        '--map',
        'requirement=Clause',
        '--map',
        'statement=Nonconformity',
        '--map',
        'evidence=Evidence',
        ...flags,
      ]);
      expect(mapped.code).toBe(0);
      expect(JSON.parse(mapped.stdout)).toMatchObject({ imported: 2 });

      const list = JSON.parse(
        (await cli(['findings', 'list', '--org', 'acme', '--audit', 'S2-2026', '--json', ...flags])).stdout,
      );
      expect(list.map((f: { ref: string }) => f.ref)).toEqual(['NC-01', 'NC-02']);
      // Friday 6 March + 10 working days = Friday 20 March; a minor gets 21 working days.
      expect(list[0]).toMatchObject({
        grade: 'major',
        status: 'open',
        requirements: ['A.8.8'],
        capDueOn: '2026-03-20',
        overdue: expect.any(Boolean),
        escalation: [],
        closer: 'certification_body',
        effectiveness: null,
      });
      expect(list[1]).toMatchObject({
        grade: 'minor',
        requirements: ['A.5.15', '9.2'],
        capDueOn: '2026-04-06',
      });
      const shown = JSON.parse(
        (await cli(['audit', 'show', '--org', 'acme', '--ref', 'S2-2026', '--json', ...flags])).stdout,
      );
      expect(shown).toMatchObject({
        recommendation: 'recommended_upon_action_plan',
        impliedRecommendation: { implied: 'not_recommended', atRisk: true },
      });

      // Without --policy: the organisation's default, cb-90 on a new organisation, counted from --ends-on.
      const byDefault = await cli(
        ['audit', 'create', '--org', 'acme', '--ref', 'S2-B', '--type', 'stage2', '--body', 'Certa'].concat([
          '--ends-on',
          '2027-12-31',
          ...flags,
        ]),
      );
      expect(byDefault.code).toBe(0);
      expect(JSON.parse(byDefault.stdout)).toMatchObject({
        policyKey: 'cb-90',
        endsOn: '2027-12-31',
        risks: [],
      });
    }, 30_000);
  });
}
