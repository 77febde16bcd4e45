import zlib from 'node:zlib';
import { AppError } from '../../contracts/errors.ts';
import { entryData, ZipError, zipEntries } from '../../domain/files/zip.ts';

// A nonconformity report is a few hundred rows; a workbook far beyond these bounds is refused before
// ExcelJS sees it (a decompression bomb of 877 KB unpacked to 300 MB and held the process for minutes).
export const sheetLimits = {
  entries: 1000,
  uncompressedBytes: 20 * 1024 * 1024,
  rows: 5000,
  cells: 100_000,
};

const tooLarge = (what: string) =>
  new AppError('payload_too_large', `the workbook is too large to import: ${what}`, [
    { path: 'body/file', message: what },
  ]);

const unreadable = (fileName: string) =>
  new AppError('validation_failed', `${fileName} is not a readable XLSX workbook`, [
    { path: 'body/file', message: 'unreadable' },
  ]);

/**
 * Reads the central directory, then inflates every entry with a hard output bound (the sizes an archive
 * declares can lie), and counts the rows and cells of each worksheet. Throws 413 past any bound.
 */
export function checkWorkbookBounds(bytes: Buffer, fileName: string): void {
  let entries: ReturnType<typeof zipEntries>;
  try {
    entries = zipEntries(bytes, Number.MAX_SAFE_INTEGER);
  } catch (err) {
    if (err instanceof ZipError) throw unreadable(fileName);
    throw err;
  }
  if (entries.length > sheetLimits.entries) throw tooLarge(`more than ${sheetLimits.entries} entries`);
  let budget = sheetLimits.uncompressedBytes;
  const declared = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (declared > budget) throw tooLarge(`more than ${budget / 1024 / 1024} MB uncompressed`);
  let rows = 0;
  let cells = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    let data: Buffer;
    try {
      const raw = entryData(bytes, e);
      if (e.method === 0) data = Buffer.from(raw);
      else if (e.method === 8) data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      else throw unreadable(fileName);
    } catch (err) {
      if (err instanceof AppError) throw err;
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw tooLarge(`more than ${sheetLimits.uncompressedBytes / 1024 / 1024} MB uncompressed`);
      throw unreadable(fileName);
    }
    budget -= data.length;
    if (budget < 0)
      throw tooLarge(`more than ${sheetLimits.uncompressedBytes / 1024 / 1024} MB uncompressed`);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const text = data.toString('latin1');
      rows += count(text, /<(?:\w+:)?row[\s>/]/g);
      cells += count(text, /<(?:\w+:)?c[\s>/]/g);
      if (rows > sheetLimits.rows) throw tooLarge(`more than ${sheetLimits.rows} rows`);
      if (cells > sheetLimits.cells) throw tooLarge(`more than ${sheetLimits.cells} cells`);
    }
  }
}

function count(text: string, re: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}
