// RFC 4180 CSV: fields separated by commas, records by CRLF (LF accepted), fields with commas, quotes or
// line breaks enclosed in double quotes, a quote inside doubled. A UTF-8 BOM is ignored. Errors name
// the line and column so that an importer can point at them.

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let col = 1;
  let quoted = false;
  let fieldStart = true;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvError(line, col, 'a closing quote must end the field');
        }
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      i += 1;
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      fieldStart = true;
      col += 1;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
      col = 1;
      line += 1;
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (ch === '"') throw new CsvError(line, col, 'a quote may only open a field');
    field += ch;
    fieldStart = false;
    i += 1;
  }
  if (quoted) throw new CsvError(line, col, 'a quoted field is not closed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/**
 * One CSV field. Cells that a spreadsheet would run as a formula (starting with = + - @ TAB CR) get a
 * leading apostrophe (OWASP CSV injection), then quoting follows RFC 4180.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
