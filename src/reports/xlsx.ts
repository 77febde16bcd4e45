// XLSX rendering with exceljs: sheets with a bold frozen header row, an autofilter, wrapped text and
// column widths fitted to the content. reportDocumentToSheets turns every block of a ReportDocument into
// those sheets, so each report exists as PDF and XLSX from one model and says the same in both.

import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { type Cell, generatedDate, metaEntries, type ReportDocument, tableCaption } from './document.ts';

// exceljs loads with the first workbook, not at server start (#16).
const lazyRequire = createRequire(import.meta.url);
const loadExceljs = () => lazyRequire('exceljs') as typeof ExcelJS;

export interface SheetColumn {
  key: string;
  header: string;
  /** Width in Excel characters; fitted to the content when omitted. */
  width?: number;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: Record<string, Cell>[];
}

export interface WorkbookMeta {
  title: string;
  organisation: string;
  /** ISO 8601 timestamp, written as the workbook's created date. */
  generatedAt: string;
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const HEADER_FILL = 'FFDCEBEE';

/**
 * A valid, unique sheet name: Excel allows at most 31 characters, none of [ ] : * ? / \, no leading or
 * trailing apostrophe, not "History" (reserved), and names are unique regardless of case.
 * `used` holds the lower-cased names taken so far and is updated.
 */
export function sanitiseSheetName(name: string, used: Set<string>): string {
  const cleaned = name
    .replace(/[[\]:*?/\\\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  const base =
    cleaned === '' || cleaned.toLowerCase() === 'history' ? `${cleaned || 'Sheet'} 1`.trim() : cleaned;
  let candidate = [...base].slice(0, 31).join('').trim();
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = `${[...base]
      .slice(0, 31 - suffix.length)
      .join('')
      .trim()}${suffix}`;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Characters XML 1.0 allows (§2.2 Char), i.e. not C0 controls other than TAB and LF, nor U+FFFE/FFFF. */
const xmlChar = (c: number) => (c >= 0x20 || c === 0x09 || c === 0x0a) && c !== 0xfffe && c !== 0xffff;

/**
 * A cell value exceljs writes safely. Strings are stored as text (shared strings), never as formulas, so
 * "=HYPERLINK(...)" stays inert text. XML 1.0 (§2.2) cannot carry most C0 control characters, so those
 * are dropped rather than producing a file Excel has to repair, and line ends become LF as an XML reader
 * would make them anyway (XML 1.0 §2.11); over-long text is cut at Excel's limit.
 */
export function xlsxValue(value: Cell | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  let text = '';
  for (const ch of value.replace(/\r\n?/g, '\n')) if (xmlChar(ch.codePointAt(0)!)) text += ch;
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}

/** Width from the header and the longest line among the first rows, within [8, 60] characters. */
function fittedWidth(column: SheetColumn, rows: Record<string, Cell>[]): number {
  if (column.width !== undefined && Number.isFinite(column.width) && column.width > 0) return column.width;
  let longest = column.header.length + 2;
  for (const row of rows.slice(0, 500)) {
    const v = row[column.key];
    if (v === null || v === undefined) continue;
    for (const line of String(v).split(/\r?\n/)) longest = Math.max(longest, line.length + 1);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest));
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, used: Set<string>) {
  const ws = wb.addWorksheet(sanitiseSheetName(spec.name, used), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  ws.columns = spec.columns.map((c) => ({ key: c.key, header: c.header, width: fittedWidth(c, spec.rows) }));
  for (const row of spec.rows) {
    ws.addRow(spec.columns.map((c) => xlsxValue(row[c.key])));
  }
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  for (let r = 2; r <= spec.rows.length + 1; r++)
    ws.getRow(r).alignment = { vertical: 'top', wrapText: true };
  if (spec.columns.length > 0) {
    ws.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: spec.rows.length + 1, column: spec.columns.length },
    };
  }
}

/**
 * Every block of the document in sheets, so the workbook holds everything its PDF holds: an "About"
 * sheet (title and meta), one sheet of the text blocks (headings, paragraphs, fields, list items) as
 * section / field / value rows, and one sheet per table caption (tables of one caption under several
 * headings share it) and per chart. Every row of every sheet names its section (the key of the heading
 * above it, e.g. the NC reference).
 */
export function reportDocumentToSheets(doc: ReportDocument): SheetSpec[] {
  const about: SheetSpec = {
    name: 'About',
    columns: [
      { key: 'field', header: 'Field', width: 24 },
      { key: 'value', header: 'Value', width: 80 },
    ],
    rows: [
      { field: 'Report', value: doc.title },
      ...(doc.subtitle ? [{ field: 'Subtitle', value: doc.subtitle }] : []),
      ...metaEntries(doc.meta).map((e) => ({ field: e.label, value: e.value })),
    ],
  };
  const label = doc.sections?.label ?? 'Section';
  const SEC = '__section';
  const sectionColumn: SheetColumn = { key: SEC, header: label, width: 14 };
  const text: SheetSpec = {
    name: doc.sections?.sheet ?? 'Report',
    columns: [
      sectionColumn,
      { key: 'field', header: 'Field', width: 30 },
      { key: 'value', header: 'Value', width: 90 },
    ],
    rows: [],
  };
  const grouped = new Map<string, SheetSpec>();
  const sheetFor = (name: string, columns: SheetColumn[]) => {
    const id = `${name}\u0000${columns.map((c) => c.key).join(',')}`;
    let sheet = grouped.get(id);
    if (!sheet) {
      sheet = { name, columns: [sectionColumn, ...columns], rows: [] };
      grouped.set(id, sheet);
    }
    return sheet;
  };
  let section = '';
  let tableNo = 0;
  const put = (field: string, value: string) => text.rows.push({ [SEC]: section, field, value });
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        section = block.key ?? block.text;
        put('Heading', block.text);
        break;
      case 'paragraph':
        put('Text', block.text);
        break;
      case 'keyValue':
      case 'fields':
        for (const item of block.items) put(item.label, item.value);
        break;
      case 'bulletList':
      case 'list':
        for (const item of block.items) put(block.label ?? 'Item', item);
        break;
      case 'table': {
        tableNo++;
        const columns = block.columns.map((c) => ({ key: c.key, header: c.header }));
        const sheet = sheetFor(tableCaption(block) ?? `Table ${tableNo}`, columns);
        for (const row of block.rows) sheet.rows.push({ ...row, [SEC]: section });
        break;
      }
      case 'bars': {
        const sheet = sheetFor(block.caption, [
          { key: 'label', header: 'Item' },
          { key: 'value', header: block.unit ? `Value (${block.unit})` : 'Value' },
        ]);
        for (const item of block.items)
          sheet.rows.push({ [SEC]: section, label: item.label, value: item.value });
        break;
      }
      case 'lineChart': {
        const sheet = sheetFor(block.caption, [
          { key: 'label', header: 'Point' },
          ...block.series.map((s, i) => ({ key: `s${i}`, header: `${s.label} (scale 0–${s.max})` })),
        ]);
        block.labels.forEach((l, j) => {
          const row: Record<string, Cell> = { [SEC]: section, label: l };
          block.series.forEach((s, i) => {
            row[`s${i}`] = s.values[j] ?? null;
          });
          sheet.rows.push(row);
        });
        break;
      }
      case 'pageBreak':
        break;
    }
  }
  // A table outside any section (a register with its own NC column) needs no section column.
  const tables = [...grouped.values()].map((sheet) =>
    sheet.rows.every((r) => !r[SEC])
      ? { ...sheet, columns: sheet.columns.filter((c) => c.key !== SEC) }
      : sheet,
  );
  return [about, ...(text.rows.length > 0 ? [text] : []), ...tables];
}

/**
 * Renders sheets as an .xlsx workbook with its title, creator (the organisation) and created date set.
 * The one-argument form renders a ReportDocument through reportDocumentToSheets.
 */
export async function renderXlsx(sheets: SheetSpec[], meta: WorkbookMeta): Promise<Buffer>;
export async function renderXlsx(doc: ReportDocument): Promise<Buffer>;
export async function renderXlsx(input: SheetSpec[] | ReportDocument, meta?: WorkbookMeta): Promise<Buffer> {
  const [sheets, info] = Array.isArray(input)
    ? [input, meta]
    : [reportDocumentToSheets(input), { title: input.title, ...input.meta }];
  if (!info) throw new TypeError('renderXlsx(sheets, meta): meta is required');
  const wb = new (loadExceljs().Workbook)();
  wb.title = info.title;
  wb.creator = info.organisation;
  wb.lastModifiedBy = 'closeloop';
  wb.company = info.organisation;
  wb.created = generatedDate({ organisation: info.organisation, generatedAt: info.generatedAt });
  wb.modified = wb.created;
  const used = new Set<string>();
  for (const sheet of sheets) addSheet(wb, sheet, used);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
