import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { risksInForce } from '../../src/modules/risks/risks.read.ts';
import { applicableControls } from '../../src/modules/soa/soa.read.ts';
import { annexAControls } from '../../src/reference/catalogue.ts';
import { createRuntime } from '../../src/runtime.ts';
import { cli } from '../support/cli.ts';
import { hasKind, kinds, migratedDatabase, testConfig } from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`demo ISMS baseline and closeloop report soa on ${kind}`, () => {
    it('seeds an approved v1, a draft v2, a scope, twenty risks and one overdue review; exports the SoA', async () => {
      const db = await migratedDatabase(kind);
      const flags = ['--data-dir', db.dataDir, ...(db.databaseUrl ? ['--database-url', db.databaseUrl] : [])];
      expect((await cli(['demo', ...flags])).code).toBe(0);
      const out = (name: string) => path.join(db.dataDir, name);

      const current = await cli([
        'report',
        'soa',
        '--org',
        'demo',
        '--format',
        'json',
        '--out',
        out('soa.json'),
        ...flags,
      ]);
      expect(current.code).toBe(0);
      expect(JSON.parse(current.stdout)).toMatchObject({ report: 'soa', version: 1, status: 'approved' });
      const v1 = JSON.parse(fs.readFileSync(out('soa.json'), 'utf8'));
      expect(v1).toMatchObject({ version: 1, status: 'approved', approvedBy: 'priya.shah@demo.example' });
      expect(v1.scope.statement).toContain('Northwind cloud platform');
      // The 93 Annex A controls, then the organisation's own ORG-1 (6.1.3 b NOTE 1).
      expect(v1.controls).toHaveLength(94);
      expect(v1.controls.map((c: { id: string }) => c.id)).toEqual([
        ...annexAControls().map((c) => c.id),
        'ORG-1',
      ]);
      for (const c of v1.controls) {
        expect(Object.keys(c)).toEqual(
          expect.arrayContaining(['id', 'title', 'theme', 'applicable', 'justification', 'status']),
        );
        expect(c.justification, c.id).not.toBe('');
      }
      expect(v1.controls.find((c: { id: string }) => c.id === '7.6')).toMatchObject({
        applicable: false,
        status: 'not_started',
      });
      expect(v1.controls.find((c: { id: string }) => c.id === '8.7').justification).toContain('R-01');

      expect(
        (
          await cli([
            'report',
            'soa',
            '--org',
            'demo',
            '--version',
            '2',
            '--format',
            'json',
            '--out',
            out('v2.json'),
            ...flags,
          ])
        ).code,
      ).toBe(0);
      const v2 = JSON.parse(fs.readFileSync(out('v2.json'), 'utf8'));
      expect(v2).toMatchObject({ version: 2, status: 'draft', approvedBy: null });
      expect(v2.scope.locations).toContain('Lyon office (support)');
      expect(v2.controls.find((c: { id: string }) => c.id === '5.7').status).toBe('implemented');
      expect(v1.controls.find((c: { id: string }) => c.id === '5.7').status).toBe('planned');

      expect(
        (
          await cli([
            'report',
            'soa',
            '--org',
            'demo',
            '--version',
            '1',
            '--format',
            'pdf',
            '--out',
            out('soa.pdf'),
            ...flags,
          ])
        ).code,
      ).toBe(0);
      const text = pdfText(fs.readFileSync(out('soa.pdf')));
      expect(text).toContain('Northwind Cloud Services Ltd');
      expect(text).toContain('priya.shah@demo.example');
      const flat = text.replace(/\s+/g, ' ');
      for (const c of annexAControls())
        expect(flat, c.id).toMatch(new RegExp(`A\\.${c.id.replace('.', '\\.')}\\b`));

      expect(
        (
          await cli([
            'report',
            'soa',
            '--org',
            'demo',
            '--format',
            'xlsx',
            '--out',
            out('soa.xlsx'),
            ...flags,
          ])
        ).code,
      ).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out('soa.xlsx'));
      const ws = wb.getWorksheet('Statement of Applicability')!;
      expect(ws.rowCount).toBe(95);
      expect(ws.getRow(95).getCell(1).value).toBe('ORG-1');
      const ids = Array.from({ length: 93 }, (_, i) => ws.getRow(i + 2).getCell(1).value);
      expect(ids).toEqual(annexAControls().map((c) => `A.${c.id}`));

      const remind = await cli(['documents', 'remind', '--org', 'demo', ...flags]);
      expect(JSON.parse(remind.stdout).sent).toEqual([
        expect.objectContaining({ ref: 'POL-05', to: 'tom.becker@demo.example' }),
      ]);
      expect(JSON.parse((await cli(['documents', 'remind', '--org', 'demo', ...flags])).stdout).sent).toEqual(
        [],
      );
      const rt = await createRuntime(testConfig(db), {
        migrate: false,
        logger: pino({ level: 'silent' }),
      });
      try {
        const org = await rt.database.db
          .selectFrom('organisation')
          .select(['id', 'slug', 'name'])
          .where('slug', '=', 'demo')
          .executeTakeFirstOrThrow();
        const ctx = { db: rt.database.db, organisation: org };
        const risks = await risksInForce(ctx);
        expect(risks).toHaveLength(20);
        expect(risks.find((r) => r.ref === 'R-01')).toMatchObject({
          residualScore: 8,
          residualBand: 'medium',
          controls: ['8.7', '8.13', '8.2'],
        });
        const r03 = await rt.database.db
          .selectFrom('risk')
          .select('actions_json')
          .where('ref', '=', 'R-03')
          .executeTakeFirstOrThrow();
        expect(JSON.parse(r03.actions_json).length).toBeGreaterThan(0);
        const inForce = await applicableControls(ctx);
        expect(inForce).toMatchObject({ version: 1, approved: true });
        // 91 applicable Annex A controls and the own ORG-1.
        expect(inForce.controls).toHaveLength(92);
        expect(inForce.controls.at(-1)).toMatchObject({ controlId: 'ORG-1', source: 'other' });
        const today = new Date().toISOString().slice(0, 10);
        const docs = await rt.database.db
          .selectFrom('isms_document')
          .selectAll()
          .where('organisation_id', '=', org.id)
          .execute();
        expect(docs.filter((d) => d.next_review_on! < today).map((d) => d.ref)).toEqual(['POL-05']);
        expect(docs.length).toBeGreaterThanOrEqual(17);
      } finally {
        await rt.close();
      }
      const bad = await cli([
        'report',
        'soa',
        '--org',
        'demo',
        '--version',
        'two',
        '--format',
        'json',
        '--out',
        out('x'),
        ...flags,
      ]);
      expect(bad.code).toBe(2);
      // Loads the whole demo and renders the SoA three ways: tens of seconds on PostgreSQL under load.
    }, 180_000);
  });
}
