// XLSX rendering with exceljs: one sheet per table, each with a bold frozen header row, an autofilter,
// wrapped text and column widths fitted to the content. reportDocumentToSheets turns a ReportDocument
// into those sheets (after an "About" sheet), so each report exists as PDF and XLSX from one model.

import ExcelJS from 'exceljs';
import { type Cell, generatedDate, metaEntries, type ReportDocument, tableCaption } from './document.ts';

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

/** One sheet per table, with the header cell texts as headers; a key/value "About" sheet comes first. */
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
  const tables: SheetSpec[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    tables.push({
      name: tableCaption(block) ?? `Table ${tables.length + 1}`,
      columns: block.columns.map((c) => ({ key: c.key, header: c.header })),
      rows: block.rows,
    });
  }
  return [about, ...tables];
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
  const wb = new ExcelJS.Workbook();
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
