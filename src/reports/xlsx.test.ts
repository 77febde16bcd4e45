import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from './document.ts';
import { MAX_CELL_CHARS, renderXlsx, reportDocumentToSheets, sanitiseSheetName } from './xlsx.ts';

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const meta = {
  title: 'Statement of Applicability',
  organisation: 'Acme SAS',
  generatedAt: '2026-11-28T10:00:00Z',
};
const injections = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];

describe('renderXlsx', () => {
  it('writes a bold, frozen, filtered header and every row', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({
      id: `A.5.${i + 1}`,
      applicable: i % 2 === 0,
      n: i,
    }));
    const wb = await load(
      await renderXlsx(
        [
          {
            name: 'Controls',
            columns: [
              { key: 'id', header: 'Control identifier' },
              { key: 'applicable', header: 'Applicable' },
              { key: 'n', header: 'Number', width: 11 },
            ],
            rows,
          },
        ],
        meta,
      ),
    );
    const ws = wb.getWorksheet('Controls')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Control identifier', 'Applicable', 'Number']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.actualRowCount).toBe(51);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:C51');
    expect(ws.getCell('A2').value).toBe('A.5.1');
    expect(ws.getCell('B2').value).toBe(true);
    expect(ws.getCell('C51').value).toBe(49);
    expect(ws.getCell('A2').alignment).toMatchObject({ wrapText: true });
    expect(ws.getColumn(3).width).toBe(11);
    // Fitted to the header ("Control identifier" + 2), as no value is longer.
    expect(ws.getColumn(1).width).toBe(20);
    expect(wb.title).toBe('Statement of Applicability');
    expect(wb.creator).toBe('Acme SAS');
    expect(wb.created.toISOString()).toBe('2026-11-28T10:00:00.000Z');
  });

  it('keeps formula-looking text as plain strings', async () => {
    const wb = await load(
      await renderXlsx(
        [{ name: 'x', columns: [{ key: 'v', header: 'V' }], rows: injections.map((v) => ({ v })) }],
        meta,
      ),
    );
    const ws = wb.worksheets[0]!;
    injections.forEach((text, i) => {
      const cell = ws.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML 1.0 §2.11 turns CR into LF in text, so the writer does it up front.
      expect(cell.value).toBe(text.replace('\r', '\n'));
      expect(cell.formula).toBeUndefined();
    });
  });

  it('drops characters XML cannot carry, cuts over-long text and leaves nulls empty', async () => {
    const wb = await load(
      await renderXlsx(
        [
          {
            name: 'x',
            columns: [{ key: 'v', header: 'V' }],
            rows: [{ v: 'a\u0001b\u000bc\r\nd' }, { v: 'z'.repeat(40_000) }, { v: null }, { v: Number.NaN }],
          },
        ],
        meta,
      ),
    );
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('abc\nd');
    expect(String(ws.getCell('A3').value)).toHaveLength(MAX_CELL_CHARS);
    expect(ws.getCell('A4').value).toBeNull();
    expect(ws.getCell('A5').value).toBeNull();
  });

  it('requires workbook meta with the sheet form', async () => {
    await expect(renderXlsx([], undefined as never)).rejects.toThrow(/meta is required/);
  });
});

describe('sanitiseSheetName', () => {
  it('applies the Excel rules and keeps names unique regardless of case', () => {
    const used = new Set<string>();
    expect(sanitiseSheetName('NC [major]: A.8.8 / patch*?\\', used)).toBe('NC major A.8.8 patch');
    expect(sanitiseSheetName('x'.repeat(40), used)).toBe('x'.repeat(31));
    expect(sanitiseSheetName('X'.repeat(40), used)).toBe(`${'X'.repeat(27)} (2)`);
    expect(sanitiseSheetName("'quoted'", used)).toBe('quoted');
    expect(sanitiseSheetName('', used)).toBe('Sheet 1');
    expect(sanitiseSheetName('History', used)).toBe('History 1');
    expect(sanitiseSheetName('///', used)).toBe('Sheet 1 (2)');
  });
});

describe('reportDocumentToSheets', () => {
  const doc: ReportDocument = {
    title: 'Corrective Action Plan',
    meta: {
      organisation: 'Acme SAS',
      audit: 'S1',
      generatedAt: '2026-11-28T10:00:00Z',
      certificateNumber: 'C-1',
    },
    blocks: [
      { kind: 'paragraph', text: 'kept in XLSX too' },
      { kind: 'heading', level: 2, text: 'NC-01 — major', key: 'NC-01' },
      {
        kind: 'table',
        caption: 'Actions',
        columns: [{ key: 'a', header: 'Action' }],
        rows: [{ a: 'Patch' }],
      },
      { kind: 'table', title: 'Actions', columns: [{ key: 'b', header: 'Evidence' }], rows: [{ b: '=1' }] },
      { kind: 'table', columns: [{ key: 'c', header: 'C' }], rows: [] },
    ],
  };
  it('makes an About sheet, a sheet of the text blocks, then one sheet per table caption and columns', () => {
    const sheets = reportDocumentToSheets(doc);
    expect(sheets.map((s) => s.name)).toEqual(['About', 'Report', 'Actions', 'Actions', 'Table 3']);
    expect(sheets[1]!.rows).toEqual([
      { __section: '', field: 'Text', value: 'kept in XLSX too' },
      { __section: 'NC-01', field: 'Heading', value: 'NC-01 — major' },
    ]);
    expect(sheets[2]!.rows).toEqual([{ __section: 'NC-01', a: 'Patch' }]);
    expect(sheets[0]!.rows).toEqual([
      { field: 'Report', value: 'Corrective Action Plan' },
      { field: 'Organisation', value: 'Acme SAS' },
      { field: 'Audit', value: 'S1' },
      { field: 'Generated at', value: '2026-11-28T10:00:00Z' },
      { field: 'Certificate number', value: 'C-1' },
    ]);
  });
  it('renders a document as a workbook with unique sheet names', async () => {
    const wb = await load(await renderXlsx(doc));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'About',
      'Report',
      'Actions',
      'Actions (2)',
      'Table 3',
    ]);
    expect(wb.getWorksheet('About')!.getCell('B3').value).toBe('Acme SAS');
    expect(wb.getWorksheet('Actions (2)')!.getCell('A2').value).toBe('NC-01');
    expect(wb.getWorksheet('Actions (2)')!.getCell('B2').value).toBe('=1');
    expect(wb.getWorksheet('Table 3')!.autoFilter).toBe('A1:A1');
    expect(
      reportDocumentToSheets({ ...doc, blocks: [doc.blocks[2]!] })[1]!.columns.map((c) => c.key),
    ).toEqual(['a']);
    expect(wb.title).toBe('Corrective Action Plan');
  });
});
