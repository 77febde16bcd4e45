import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { AppError } from '../../contracts/errors.ts';
import { CsvError, CsvReader } from '../../domain/files/csv.ts';
import type { FileContent } from '../../storage/file-content.ts';
import { checkedWorkbook, checkWorkbookBounds, sheetLimits, tooLarge, unreadable } from './sheet-limits.ts';

// exceljs loads with the first workbook, not at server start (#16).
const lazyRequire = createRequire(import.meta.url);
const loadExceljs = () => lazyRequire('exceljs') as typeof ExcelJS;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * A CSV (UTF-8) or XLSX file as rows of text cells, read as a stream (issue #16): one row at a time, in
 * order, the rows of a spreadsheet numbered as it shows them (a missing row comes as an empty one). The
 * first worksheet of a workbook is read. Past the row or cell bounds, 413.
 */
export async function* sheetRows(content: FileContent, fileName: string): AsyncGenerator<string[]> {
  const grid = gridBound();
  if (Buffer.from(content.sniff.head.subarray(0, 4)).equals(ZIP_MAGIC)) {
    const entries = await checkWorkbookBounds(content, fileName);
    for await (const row of workbookRows(content, entries, fileName)) {
      grid(row.length);
      yield row;
    }
    return;
  }
  if (!content.sniff.utf8Text)
    throw new AppError('validation_failed', `${fileName} is neither UTF-8 CSV nor XLSX`, [
      { path: 'file', message: 'unreadable' },
    ]);
  const decoder = new TextDecoder('utf-8');
  const csv = new CsvReader();
  try {
    for await (const chunk of content.open()) {
      for (const row of csv.push(decoder.decode(chunk, { stream: true }))) {
        grid(row.length);
        yield row;
      }
    }
    for (const row of [...csv.push(decoder.decode()), ...csv.end()]) {
      grid(row.length);
      yield row;
    }
  } catch (err) {
    if (err instanceof CsvError)
      throw new AppError('validation_failed', `${fileName}: ${err.message}`, [
        { path: `row ${err.line}, column ${err.column}`, message: err.message },
      ]);
    throw err;
  }
}

/**
 * Rows times their width stay within the bounds: a single cell at XFD1048576 makes a small file with a
 * vast grid, and a CSV row of a million commas a vast row.
 */
function gridBound() {
  let rows = 0;
  let cells = 0;
  return (width: number) => {
    rows += 1;
    cells += Math.max(1, width);
    if (rows > sheetLimits.rows)
      throw new AppError(
        'payload_too_large',
        `the file is too large to import: more than ${sheetLimits.rows} rows`,
        [{ path: 'body/file', message: 'too many rows' }],
      );
    if (cells > sheetLimits.cells)
      throw new AppError('payload_too_large', 'the file is too large to import: its grid is too wide', [
        { path: 'body/file', message: 'too many cells' },
      ]);
  };
}

async function* workbookRows(
  content: FileContent,
  entries: Awaited<ReturnType<typeof checkWorkbookBounds>>,
  fileName: string,
): AsyncGenerator<string[]> {
  const input = checkedWorkbook(content, entries);
  const reader = new (loadExceljs().stream.xlsx.WorkbookReader)(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates from numbers; hyperlinks are read as their text.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let next = 1;
  try {
    for await (const sheet of iterate(reader, fileName)) {
      for await (const row of iterate(sheet as AsyncIterable<ExcelJS.Row>, fileName)) {
        // A row without its number (allowed) follows the one before.
        const n = Number.isFinite(row.number) && row.number > 0 ? row.number : next;
        if (n < next) throw unreadable(fileName);
        if (n > sheetLimits.rows) throw tooLarge(`more than ${sheetLimits.rows} rows`);
        if (row.cellCount > sheetLimits.cells) throw tooLarge('its grid is too wide');
        while (next < n) {
          next += 1;
          yield [];
        }
        next = n + 1;
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
        yield cells;
      }
      return; // the first worksheet only
    }
  } finally {
    input.destroy();
  }
}

/** Iterates exceljs's reader, a parse failure becoming "not a readable workbook". */
async function* iterate<T>(source: AsyncIterable<T>, fileName: string): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      let step: IteratorResult<T>;
      try {
        step = await it.next();
      } catch (err) {
        finished = true;
        if (err instanceof AppError) throw err;
        throw unreadable(fileName);
      }
      if (step.done) {
        finished = true;
        return;
      }
      yield step.value;
    }
  } finally {
    // Left early (the first worksheet read, or a bound passed): let the reader close its streams.
    if (!finished) await it.return?.();
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
