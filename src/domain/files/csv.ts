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
  const reader = new CsvReader();
  return [...reader.push(text), ...reader.end()];
}

/**
 * The same parser fed piece by piece (a file read as a stream, issue #16): `push` takes the next text,
 * in pieces of any size (a CRLF or a doubled quote may be split between two), and returns the records
 * completed by it; `end` returns the last. Blank records are dropped, as `parseCsv` drops them.
 */
export class CsvReader {
  private row: string[] = [];
  private field = '';
  private line = 1;
  private col = 1;
  private quoted = false;
  private fieldStart = true;
  /** A quote seen inside a quoted field: the next character says whether it is doubled or closing. */
  private quoteSeen = false;
  /** A CR ended the last record: a LF right after it belongs to it. */
  private afterCr = false;
  private started = false;

  push(text: string): string[][] {
    const out: string[][] = [];
    let src = text;
    if (!this.started && src.length > 0) {
      this.started = true;
      if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
    }
    for (let i = 0; i < src.length; i++) {
      const ch = src[i]!;
      if (this.afterCr) {
        this.afterCr = false;
        if (ch === '\n') continue;
      }
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (ch === '"') {
          this.field += '"';
          continue;
        }
        this.quoted = false;
        if (ch !== ',' && ch !== '\n' && ch !== '\r')
          throw new CsvError(this.line, this.col, 'a closing quote must end the field');
      } else if (this.quoted) {
        if (ch === '"') this.quoteSeen = true;
        else {
          if (ch === '\n') this.line += 1;
          this.field += ch;
        }
        continue;
      }
      if (ch === '"' && this.fieldStart) {
        this.quoted = true;
        this.fieldStart = false;
      } else if (ch === ',') {
        this.row.push(this.field);
        this.field = '';
        this.fieldStart = true;
        this.col += 1;
      } else if (ch === '\r' || ch === '\n') {
        this.row.push(this.field);
        this.emit(out);
        this.line += 1;
        this.afterCr = ch === '\r';
      } else if (ch === '"') {
        throw new CsvError(this.line, this.col, 'a quote may only open a field');
      } else {
        this.field += ch;
        this.fieldStart = false;
      }
    }
    return out;
  }

  end(): string[][] {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.quoted = false;
    }
    if (this.quoted) throw new CsvError(this.line, this.col, 'a quoted field is not closed');
    const out: string[][] = [];
    if (this.field !== '' || this.row.length > 0) {
      this.row.push(this.field);
      this.emit(out);
    }
    return out;
  }

  private emit(out: string[][]) {
    const r = this.row;
    if (!(r.length === 1 && r[0] === '')) out.push(r);
    this.row = [];
    this.field = '';
    this.fieldStart = true;
    this.col = 1;
  }
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
