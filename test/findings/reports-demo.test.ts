import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { makeContext } from '../../src/modules/context.ts';
import { buildAuditReport, reportKinds } from '../../src/modules/reports/audit-reports.ts';
import { type Block, cellText, metaEntries, type ReportDocument } from '../../src/reports/document.ts';
import { renderPdf } from '../../src/reports/pdf.ts';
import { renderXlsx } from '../../src/reports/xlsx.ts';
import { createRuntime } from '../../src/runtime.ts';
import { freshDatabase } from '../support/harness.ts';

// XLSX = PDF (issue #14): on the demo, every text of each report's model is found in its PDF (as
// pdftotext reads it) and in its workbook (as exceljs reads it); nothing is dropped from either form.

function texts(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'keyValue':
    case 'fields':
      return block.items.flatMap((i) => [i.label, i.value]);
    case 'bulletList':
    case 'list':
      return block.items;
    case 'table':
      return [
        ...block.columns.map((c) => c.header),
        ...block.rows.flatMap((r) => block.columns.map((c) => cellText(r[c.key]))),
      ];
    default:
      return [];
  }
}
const allTexts = (doc: ReportDocument) =>
  [
    doc.title,
    ...metaEntries(doc.meta).flatMap((e) => [e.label, e.value]),
    ...doc.blocks.flatMap(texts),
  ].filter((s) => s.trim() !== '' && s !== '—');
const squash = (s: string) => s.replace(/\s+/g, '');

function pdfRaw(bytes: Buffer) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-demo-')), 'r.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

describe('demo reports: the workbook holds everything its PDF holds', () => {
  // Loads the whole demo and renders four reports in two forms: seconds on a loaded machine.
  it('has every text of the CAP, Evidence of Correction, NC statements and log in both forms', async () => {
    const db = await freshDatabase('sqlite');
    const rt = await createRuntime(loadConfig({ LOG_LEVEL: 'silent' }, db), {
      migrate: true,
      logger: pino({ level: 'silent' }),
    });
    try {
      await loadDemo(rt);
      const org = await rt.database.db
        .selectFrom('organisation')
        .selectAll()
        .where('slug', '=', 'demo')
        .executeTakeFirstOrThrow();
      const ctx = makeContext(
        { kind: 'cli', label: 'test' },
        { id: org.id, slug: org.slug, name: org.name },
        { ...rt.database, env: rt.env },
      );
      for (const kind of reportKinds) {
        const doc = await buildAuditReport({ kind, auditRef: 'S2-2026' }, ctx);
        const pdf = squash(pdfRaw(await renderPdf(doc)));
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await renderXlsx(doc)) as unknown as ArrayBuffer);
        const cells = new Set<string>();
        for (const ws of wb.worksheets)
          ws.eachRow((row) => row.eachCell((c) => cells.add(String(c.value ?? ''))));
        for (const s of allTexts(doc)) {
          expect(pdf, `${kind} PDF: ${s}`).toContain(squash(s));
          expect(cells.has(s) || cells.has(s.trim()), `${kind} XLSX: ${s}`).toBe(true);
        }
        // Sheet names say what they hold; every row of an NC sheet names its NC.
        for (const ws of wb.worksheets) {
          expect(ws.name).not.toMatch(/\(\d+\)$/);
          if (ws.getRow(1).getCell(1).value === 'NC')
            ws.eachRow(
              (row, n) => n > 1 && expect(String(row.getCell(1).value ?? '')).toMatch(/^(NC|OFI)-\d+$|^$/),
            );
        }
      }
      // The demo's draft CAP is consistent: only the NCs still open or under analysis are incomplete.
      const cap = await buildAuditReport({ kind: 'cap', auditRef: 'S2-2026' }, ctx);
      const incomplete = cap.blocks.find((b) => b.kind === 'bulletList' && b.label === 'Incomplete');
      expect(incomplete?.kind === 'bulletList' ? incomplete.items.map((i) => i.split(' ')[0]) : []).toEqual([
        'NC-02',
        'NC-04',
      ]);
    } finally {
      await rt.close();
    }
  }, 60_000);
});
