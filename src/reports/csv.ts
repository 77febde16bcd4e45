// CSV per RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180#section-2): CRLF between records, fields
// holding the delimiter, a double quote, CR or LF are enclosed in double quotes, and a double quote inside
// such a field is doubled. Writing also defends against CSV (formula) injection as OWASP recommends
// (https://owasp.org/www-community/attacks/CSV_Injection): a spreadsheet would run a text field starting
// with = + - @ TAB or CR as a formula, so such a field gets a leading single quote.

import { type Cell, cellText, type TableColumn } from './document.ts';

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV Injection). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvWriteOptions {
  /** RFC 4180 uses the comma; some locales' spreadsheets expect ';'. */
  delimiter?: CsvDelimiter;
  /** Prefix a UTF-8 byte order mark so Excel reads the file as UTF-8 rather than the ANSI code page. */
  bom?: boolean;
}

/** A text field as the spreadsheet must see it: formula triggers neutralised with a leading quote. */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}

function field(value: Cell | undefined, delimiter: string): string {
  // Numbers and booleans cannot carry a formula, so -5 stays a number the spreadsheet can sum.
  const text = typeof value === 'string' ? neutraliseFormula(value) : cellText(value);
  const mustQuote = text.includes(delimiter) || /["\r\n]/.test(text);
  return mustQuote ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One header record then one record per row, each ended by CRLF (RFC 4180 §2 rules 1–3). Missing keys
 * and nulls are empty fields; booleans are "yes"/"no".
 */
export function toCsv(
  columns: readonly Pick<TableColumn, 'key' | 'header'>[],
  rows: readonly Record<string, Cell>[],
  options: CsvWriteOptions = {},
): string {
  const d = options.delimiter ?? ',';
  const lines = [columns.map((c) => field(c.header, d)).join(d)];
  for (const row of rows) lines.push(columns.map((c) => field(row[c.key], d)).join(d));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** Malformed CSV, with the 1-based line and column where the problem starts. */
export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} at line ${line}, column ${column}`);
    this.name = 'CsvParseError';
  }
}

export interface CsvParseOptions {
  delimiter?: CsvDelimiter;
}

/**
 * Parses RFC 4180 CSV into records of fields. Accepts a leading UTF-8 BOM, CRLF, LF or lone CR between
 * records, and quoted fields spanning lines. A final line break does not start an empty record; a blank
 * line in the middle is a record with one empty field (RFC 4180 has no blank lines, so callers decide).
 * Strict where a lenient reading would guess: a quote inside an unquoted field, text after a closing
 * quote, or an unterminated quoted field throws a CsvParseError naming the line and column.
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): string[][] {
  const d = options.delimiter ?? ',';
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const col = (at: number) => at - lineStart + 1;
  const newline = (at: number) => {
    // `at` is the index of CR or LF; returns the index after the whole line break.
    const next = src[at] === '\r' && src[at + 1] === '\n' ? at + 2 : at + 1;
    line++;
    lineStart = next;
    return next;
  };

  while (i <= src.length) {
    // Start of a field.
    if (src[i] === '"') {
      const openLine = line;
      const openCol = col(i);
      let value = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new CsvParseError('Unterminated quoted field', openLine, openCol);
        const ch = src[i]!;
        if (ch === '"') {
          if (src[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\r' || ch === '\n') {
          const next = newline(i);
          value += src.slice(i, next);
          i = next;
          continue;
        }
        value += ch;
        i++;
      }
      record.push(value);
      const after = src[i];
      if (after !== undefined && after !== d && after !== '\r' && after !== '\n') {
        throw new CsvParseError(`Unexpected '${after}' after a closing quote`, line, col(i));
      }
    } else {
      let end = i;
      while (end < src.length && src[end] !== d && src[end] !== '\r' && src[end] !== '\n') {
        if (src[end] === '"') {
          throw new CsvParseError('Double quote inside an unquoted field', line, col(end));
        }
        end++;
      }
      record.push(src.slice(i, end));
      i = end;
    }

    // End of a field: delimiter, line break or end of input.
    if (i >= src.length) {
      records.push(record);
      break;
    }
    if (src[i] === d) {
      i++;
      continue;
    }
    records.push(record);
    record = [];
    i = newline(i);
    // A final line break ends the last record; it does not start an empty one (RFC 4180 §2 rule 2).
    if (i >= src.length) break;
  }
  return src.length === 0 ? [] : records;
}
