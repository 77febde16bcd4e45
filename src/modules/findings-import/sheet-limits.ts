import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { AppError } from '../../contracts/errors.ts';
import {
  endOfCentralDirectory,
  localDataStart,
  ZIP_END_BYTES,
  type ZipEntry,
  ZipError,
  zipEntries,
} from '../../domain/files/zip.ts';
import type { FileContent } from '../../storage/file-content.ts';

// The bounds of an import, a policy (issue #16): a nonconformity report of 10,000 findings must import,
// with room for title rows, blank rows and a CB's extra columns (20,000 rows; 500,000 cells, i.e. 25
// columns of 20,000 rows), while a decompression bomb is still refused before its sheet is parsed (877 KB
// that unpacked to 300 MB held the process for minutes). Streaming parsing keeps memory flat whatever the
// rows; these bounds keep the time bounded: 64 MB of XML in all is about ten times a 10,000-row report
// with long statements, and reading that much takes a second, not minutes.
export const sheetLimits = {
  entries: 1000,
  uncompressedBytes: 64 * 1024 * 1024,
  rows: 20_000,
  cells: 500_000,
};

const MB = (n: number) => `${n / 1024 / 1024} MB`;

export const tooLarge = (what: string) =>
  new AppError('payload_too_large', `the workbook is too large to import: ${what}`, [
    { path: 'body/file', message: what },
  ]);

export const unreadable = (fileName: string) =>
  new AppError('validation_failed', `${fileName} is not a readable XLSX workbook`, [
    { path: 'body/file', message: 'unreadable' },
  ]);

/** An entry of the workbook that passed the bounds, with where its compressed bytes are in the file. */
export interface CheckedEntry extends ZipEntry {
  dataStart: number;
}

const CHUNK = 64 * 1024;

/** The compressed bytes of an entry, read from the file in chunks. */
async function* compressed(content: FileContent, e: CheckedEntry): AsyncGenerator<Buffer> {
  for (let at = 0; at < e.compressedSize; at += CHUNK) {
    const part = await content.readAt(e.dataStart + at, Math.min(CHUNK, e.compressedSize - at));
    if (part.length === 0) throw new ZipError('entry out of bounds');
    yield part;
  }
}

/**
 * Reads the central directory from the file's end, then inflates every entry as a stream with a hard
 * bound on the output (the sizes an archive declares can lie), counting the rows and cells of each
 * worksheet as the XML goes by; nothing is held but a chunk. Throws 413 past any bound, 400 when the
 * archive is not readable. Returns the entries, which `checkedWorkbook` then hands to the parser.
 */
export async function checkWorkbookBounds(content: FileContent, fileName: string): Promise<CheckedEntry[]> {
  const checked: CheckedEntry[] = [];
  try {
    const tailAt = Math.max(0, content.size - ZIP_END_BYTES);
    const end = endOfCentralDirectory(await content.readAt(tailAt, content.size - tailAt), tailAt);
    if (end.count > sheetLimits.entries) throw tooLarge(`more than ${sheetLimits.entries} entries`);
    if (end.offset + end.size > end.at) throw new ZipError('central directory out of bounds');
    const directory = await content.readAt(end.offset, end.at - end.offset + 22);
    const entries = zipEntries(directory, Number.MAX_SAFE_INTEGER, end.offset);
    if (entries.length > sheetLimits.entries) throw tooLarge(`more than ${sheetLimits.entries} entries`);
    const declared = entries.reduce((s, e) => s + e.uncompressedSize, 0);
    if (declared > sheetLimits.uncompressedBytes)
      throw tooLarge(`more than ${MB(sheetLimits.uncompressedBytes)} uncompressed`);
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      if (e.method !== 0 && e.method !== 8) throw unreadable(fileName);
      const dataStart = localDataStart(await content.readAt(e.localHeaderOffset, 30), e);
      if (dataStart + e.compressedSize > content.size) throw new ZipError('entry out of bounds');
      checked.push({ ...e, dataStart });
    }
  } catch (err) {
    if (err instanceof ZipError) throw unreadable(fileName);
    throw err;
  }
  let budget = sheetLimits.uncompressedBytes;
  const tally = { rows: 0, cells: 0 };
  for (const e of checked) {
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    const counter = isSheet ? tagCounter(tally) : null;
    const source = Readable.from(compressed(content, e));
    const data = e.method === 8 ? source.pipe(zlib.createInflateRaw()) : source;
    try {
      for await (const chunk of data as AsyncIterable<Buffer>) {
        budget -= chunk.length;
        if (budget < 0) throw tooLarge(`more than ${MB(sheetLimits.uncompressedBytes)} uncompressed`);
        counter?.(chunk);
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw unreadable(fileName);
    } finally {
      source.destroy();
      if (data !== source) data.destroy();
    }
  }
  return checked;
}

/**
 * Counts `<row` and `<c` start tags (any namespace prefix) of a worksheet's XML fed in chunks; a tag cut
 * between two chunks is carried over (its name is short), and 413 is thrown past the row or cell bound.
 */
function tagCounter(tally: { rows: number; cells: number }) {
  let carry = '';
  return (chunk: Buffer) => {
    const text = carry + chunk.toString('latin1');
    const lt = text.lastIndexOf('<');
    const cut = lt >= 0 && text.length - lt < 64 ? lt : text.length;
    const whole = text.slice(0, cut);
    carry = text.slice(cut);
    tally.rows += count(whole, /<(?:\w+:)?row[\s>/]/g);
    tally.cells += count(whole, /<(?:\w+:)?c[\s>/]/g);
    if (tally.rows > sheetLimits.rows) throw tooLarge(`more than ${sheetLimits.rows} rows`);
    if (tally.cells > sheetLimits.cells) throw tooLarge(`more than ${sheetLimits.cells} cells`);
  };
}

function count(text: string, re: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}

// The parts of a workbook the streaming reader needs, in the order that lets it parse the worksheet as it
// arrives (relationships, workbook, shared strings and styles first; otherwise it spools the sheet to disk).
const partOrder = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const sheetNumber = (name: string) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] ?? NaN);

/**
 * The checked workbook as a ZIP stream for exceljs's streaming reader, rebuilt from the central directory:
 * each part it needs, with a fresh local header declaring the sizes, followed by exactly the compressed
 * bytes that were inflated within the bounds. The reader reads local headers in sequence (unzipper); fed
 * the file itself, it could be shown entries, or data-descriptor boundaries, the directory does not list.
 */
export function checkedWorkbook(content: FileContent, entries: CheckedEntry[]): Readable {
  const parts = [
    ...partOrder.flatMap((n) => entries.filter((e) => e.name === n)),
    ...entries
      .filter((e) => Number.isFinite(sheetNumber(e.name)))
      .sort((a, b) => sheetNumber(a.name) - sheetNumber(b.name)),
  ];
  async function* stream() {
    for (const e of parts) {
      const name = Buffer.from(e.name, 'utf8');
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(0x0800, 6); // names in UTF-8, sizes in this header (no data descriptor)
      header.writeUInt16LE(e.method, 8);
      header.writeUInt32LE(e.crc32, 14);
      header.writeUInt32LE(e.compressedSize, 18);
      header.writeUInt32LE(e.uncompressedSize, 22);
      header.writeUInt16LE(name.length, 26);
      yield Buffer.concat([header, name]);
      yield* compressed(content, e);
    }
    // An empty end record: the reader stops there.
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    yield end;
  }
  return Readable.from(stream());
}
