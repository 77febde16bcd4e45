// Tables for pdfkit: every row's height is measured before drawing, so a row that does not fit moves to
// the next page with the header row repeated above it and is never cut in half. Only a row taller than a
// whole page is split, line by line, and its remaining text continues under the repeated header.

export type Pdf = PDFKit.PDFDocument;

export interface PdfTable {
  columns: { header: string; width?: number; align?: 'left' | 'right' }[];
  /** Cell texts, already mapped into WinAnsi; one array per row, in column order. */
  rows: string[][];
}

export interface PdfTableStyle {
  /** Draw (and repeat on each page) the header row. */
  header: boolean;
  zebra: boolean;
  /** Font of the first column's cells (bold for the labels of a key/value list). */
  firstColumnFont?: string;
}

const FONT_SIZE = 8.5;
const LINE_GAP = 1.5;
const PAD = 4;
const HEADER_FILL = '#0b4f5c';
const ZEBRA_FILL = '#eef4f5';
const RULE = '#c9d3d6';

const pageBottom = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;
const pageTop = (pdf: Pdf) => pdf.page.margins.top;

/** Column widths in points from relative weights (default 1) over the full text width. */
export function columnWidths(weights: readonly (number | undefined)[], total: number): number[] {
  const w = weights.map((x) => (x !== undefined && Number.isFinite(x) && x > 0 ? x : 1));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (x / sum) * total);
}

/**
 * Breaks words wider than `width` into line-sized pieces with hard line breaks, where pdfkit would break
 * them anyway: pdfkit's own character-by-character breaking is quadratic and takes seconds on a
 * 30,000-character token (an encoded blob pasted into a finding). Uses the font and size already set.
 */
export function breakLongWords(pdf: Pdf, text: string, width: number): string {
  if (pdf.widthOfString(text) <= width) return text;
  return text
    .split(/(\s+)/)
    .map((token) => {
      if (/\s/.test(token) || pdf.widthOfString(token) <= width) return token;
      const lines: string[] = [];
      let line = '';
      let lineWidth = 0;
      for (const ch of token) {
        const w = pdf.widthOfString(ch);
        if (line !== '' && lineWidth + w > width) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += ch;
        lineWidth += w;
      }
      return [...lines, line].join('\n');
    })
    .join('');
}

function textHeight(pdf: Pdf, text: string, width: number, font: string): number {
  pdf.font(font).fontSize(FONT_SIZE);
  // An empty cell still takes one line, so every row has a visible height.
  return pdf.heightOfString(text === '' ? ' ' : text, { width, lineGap: LINE_GAP });
}

/**
 * Longest head of `text` whose wrapped height fits in `maxHeight`, cut at a word boundary when possible
 * (at a character otherwise, e.g. a SHA-256 digest), and the tail left for the next page.
 */
function splitToFit(pdf: Pdf, text: string, width: number, font: string, maxHeight: number) {
  const fits = (s: string) => textHeight(pdf, s, width, font) <= maxHeight;
  if (fits(text)) return { head: text, tail: '' };
  const largest = (n: number, fitsAt: (k: number) => boolean) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fitsAt(mid)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const words = text.split(/(?<=\s)/);
  const k = largest(words.length, (m) => fits(words.slice(0, m).join('')));
  if (k > 0) return { head: words.slice(0, k).join('').trimEnd(), tail: words.slice(k).join('') };
  const chars = [...text];
  // The caller guarantees room for one line, so at least one character always fits: progress is certain.
  const c = Math.max(
    1,
    largest(chars.length, (m) => fits(chars.slice(0, m).join(''))),
  );
  return { head: chars.slice(0, c).join(''), tail: chars.slice(c).join('') };
}

/** Draws `table` from the current position; leaves pdf.y under the table and pdf.x at the left margin. */
export function drawTable(pdf: Pdf, table: PdfTable, style: PdfTableStyle): void {
  if (table.columns.length === 0) return;
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const widths = columnWidths(
    table.columns.map((c) => c.width),
    width,
  );
  const inner = widths.map((w) => Math.max(1, w - 2 * PAD));
  const fontOf = (col: number, header: boolean) =>
    header ? 'Helvetica-Bold' : col === 0 && style.firstColumnFont ? style.firstColumnFont : 'Helvetica';
  const rowHeight = (cells: string[], header: boolean) =>
    Math.max(...cells.map((c, i) => textHeight(pdf, c, inner[i]!, fontOf(i, header)))) + 2 * PAD;
  const oneLine = textHeight(pdf, ' ', width, 'Helvetica') + 2 * PAD;

  const drawRow = (cells: string[], header: boolean, fill: string | null) => {
    const h = rowHeight(cells, header);
    const y = pdf.y;
    if (fill) pdf.rect(left, y, width, h).fill(fill);
    let x = left;
    cells.forEach((text, i) => {
      pdf
        .font(fontOf(i, header))
        .fontSize(FONT_SIZE)
        .fillColor(header ? '#ffffff' : '#1a1a1a');
      // `height` bounds the text box so pdfkit never adds a page on its own in the middle of a row.
      pdf.text(text, x + PAD, y + PAD, {
        width: inner[i]!,
        height: h,
        lineGap: LINE_GAP,
        align: header ? 'left' : (table.columns[i]?.align ?? 'left'),
      });
      x += widths[i]!;
    });
    pdf
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .lineWidth(header ? 1 : 0.5)
      .strokeColor(header ? HEADER_FILL : RULE)
      .stroke();
    pdf.x = left;
    pdf.y = y + h;
  };

  const breakCells = (cells: string[], header: boolean) =>
    cells.map((c, i) => {
      pdf.font(fontOf(i, header)).fontSize(FONT_SIZE);
      return breakLongWords(pdf, c, inner[i]!);
    });
  const headerCells = breakCells(
    table.columns.map((c) => c.header),
    true,
  );
  const headerHeight = style.header ? rowHeight(headerCells, true) : 0;
  const newPage = () => {
    pdf.addPage();
    if (style.header) drawRow(headerCells, true, HEADER_FILL);
  };

  // Keep the header with at least the first row (or one line of it).
  const first = table.rows[0] && breakCells(table.rows[0], false);
  const firstHeight = first ? Math.min(rowHeight(first, false), oneLine * 3) : 0;
  if (pdf.y + headerHeight + firstHeight > pageBottom(pdf)) pdf.addPage();
  if (style.header) drawRow(headerCells, true, HEADER_FILL);
  if (table.rows.length === 0 && style.header) {
    pdf.font('Helvetica-Oblique').fontSize(FONT_SIZE).fillColor('#5c6670');
    pdf.text('No entries.', left + PAD, pdf.y + PAD, { width: width - 2 * PAD });
  }

  for (const [n, raw] of table.rows.entries()) {
    const cells = breakCells(raw, false);
    const fill = style.zebra && n % 2 === 1 ? ZEBRA_FILL : null;
    const h = rowHeight(cells, false);
    if (pdf.y + h <= pageBottom(pdf)) {
      drawRow(cells, false, fill);
      continue;
    }
    const roomOnFreshPage = pageBottom(pdf) - pageTop(pdf) - headerHeight;
    if (h <= roomOnFreshPage) {
      newPage();
      drawRow(cells, false, fill);
      continue;
    }
    // Taller than a page: split the row, continuing its text under the header on the next pages.
    let rest = cells;
    while (rest.some((c) => c !== '')) {
      if (pageBottom(pdf) - pdf.y < oneLine * 2) newPage();
      const room = pageBottom(pdf) - pdf.y - 2 * PAD;
      const parts = rest.map((c, i) => splitToFit(pdf, c, inner[i]!, fontOf(i, false), room));
      drawRow(
        parts.map((p) => p.head),
        false,
        fill,
      );
      rest = parts.map((p) => p.tail);
      if (rest.some((c) => c !== '')) newPage();
    }
  }
  pdf.x = left;
}
