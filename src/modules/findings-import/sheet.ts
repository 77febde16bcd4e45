import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { AppError } from '../../contracts/errors.ts';
import { CsvError, parseCsv } from '../../domain/files/csv.ts';
import { checkWorkbookBounds, sheetLimits } from './sheet-limits.ts';

// exceljs loads with the first workbook, not at server start (#16).
const lazyRequire = createRequire(import.meta.url);
const loadExceljs = () => lazyRequire('exceljs') as typeof ExcelJS;

/** A CSV (UTF-8) or XLSX file as rows of text cells; the first worksheet of a workbook is read. */
export async function readSheet(bytes: Buffer, fileName: string): Promise<string[][]> {
  const isXlsx = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (isXlsx) {
    checkWorkbookBounds(bytes, fileName);
    const wb = new (loadExceljs().Workbook)();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new AppError('validation_failed', `${fileName} is not a readable XLSX workbook`, [
        { path: 'file', message: 'unreadable' },
      ]);
    }
    const ws = wb.worksheets[0];
    if (!ws) return [];
    // A single cell at XFD1048576 makes a small sheet with a vast grid: bound the grid too.
    if (ws.rowCount > sheetLimits.rows || ws.rowCount * ws.columnCount > sheetLimits.cells)
      throw new AppError('payload_too_large', 'the workbook is too large to import: its grid is too wide', [
        { path: 'body/file', message: 'too many cells' },
      ]);
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = row.getCell(c).value;
        cells.push(cellText(v));
      }
      rows[n - 1] = cells;
    });
    return Array.from(rows, (r) => r ?? []);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('validation_failed', `${fileName} is neither UTF-8 CSV nor XLSX`, [
      { path: 'file', message: 'unreadable' },
    ]);
  }
  try {
    const rows = parseCsv(text);
    if (rows.length > sheetLimits.rows)
      throw new AppError(
        'payload_too_large',
        `the file is too large to import: more than ${sheetLimits.rows} rows`,
        [{ path: 'body/file', message: 'too many rows' }],
      );
    return rows;
  } catch (err) {
    if (err instanceof CsvError)
      throw new AppError('validation_failed', `${fileName}: ${err.message}`, [
        { path: `row ${err.line}, column ${err.column}`, message: err.message },
      ]);
    throw err;
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
    return '';
  }
  return String(v);
}
