// Tables for pdfkit: every row's height is measured before drawing, so a row that does not fit moves to
// the next page with the header row repeated above it and is never cut in half. Only a row taller than a
// whole page is split, line by line, and its remaining text continues under the repeated header.
// Tagged as Table › TR › TH/TD (header cells with their scope) for screen readers; fills and rules are
// artifacts, outside the reading order.

import type { Pdf as PdfDoc } from './pdf-text.ts';
import { drawLines, heightOf, type Line, layout, type TextStyle } from './pdf-text.ts';

export type Pdf = PdfDoc;
type Struct = PDFKit.PDFStructureElement;

export interface PdfTable {
  columns: { header: string; width?: number; align?: 'left' | 'right' }[];
  /** Cell texts; one array per row, in column order. */
  rows: string[][];
}

export interface PdfTableStyle {
  /** Draw (and repeat on each page) the header row. */
  header: boolean;
  zebra: boolean;
  /** The first column labels its row (bold, tagged as a row header): key/value lists. */
  rowHeaders?: boolean;
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

/** Draws graphics outside the structure tree (PDF/UA: decoration is an artifact). */
export function artifact(pdf: Pdf, draw: () => void) {
  pdf.markContent('Artifact');
  draw();
  pdf.endMarkedContent();
}

interface Cell {
  lines: Line[];
  style: TextStyle;
  align: 'left' | 'right';
}

/** Draws `table` from the current position under `parent`; leaves pdf.y under the table. */
export function drawTable(pdf: Pdf, table: PdfTable, style: PdfTableStyle, parent: Struct): void {
  if (table.columns.length === 0) return;
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const widths = columnWidths(
    table.columns.map((c) => c.width),
    width,
  );
  const inner = widths.map((w) => Math.max(1, w - 2 * PAD));
  const styleOf = (col: number, header: boolean): TextStyle => ({
    size: FONT_SIZE,
    lineGap: LINE_GAP,
    face: header || (col === 0 && style.rowHeaders) ? 'bold' : 'regular',
    color: header ? '#ffffff' : '#1a1a1a',
  });
  const cellsOf = (texts: string[], header: boolean): Cell[] =>
    texts.map((text, i) => {
      const s = styleOf(i, header);
      return {
        lines: layout(pdf, text, inner[i]!, s),
        style: s,
        align: header ? 'left' : (table.columns[i]?.align ?? 'left'),
      };
    });
  const heightOfRow = (cells: Cell[]) => Math.max(...cells.map((c) => heightOf(c.lines, c.style))) + 2 * PAD;
  const oneLine = FONT_SIZE * 1.22 + LINE_GAP + 2 * PAD;

  const tableStruct = pdf.struct('Table');
  parent.add(tableStruct);
  const drawRow = (cells: Cell[], header: boolean, fill: string | null) => {
    const h = heightOfRow(cells);
    const y = pdf.y;
    if (fill) artifact(pdf, () => pdf.rect(left, y, width, h).fill(fill));
    const tr = pdf.struct('TR');
    tableStruct.add(tr);
    let x = left;
    cells.forEach((cell, i) => {
      const th = header || (i === 0 && style.rowHeaders);
      // `scope` (ISO 32000-1 §14.8.5.7) is read by pdfkit but missing from its type definitions.
      const options = (th ? { scope: header ? 'Column' : 'Row' } : {}) as Parameters<Pdf['struct']>[1];
      const cellX = x;
      tr.add(
        pdf.struct(th ? 'TH' : 'TD', options, () => {
          drawLines(pdf, cell.lines, cellX + PAD, y + PAD, inner[i]!, cell.style, cell.align);
        }),
      );
      x += widths[i]!;
    });
    tr.end();
    artifact(pdf, () =>
      pdf
        .moveTo(left, y + h)
        .lineTo(left + width, y + h)
        .lineWidth(header ? 1 : 0.5)
        .strokeColor(header ? HEADER_FILL : RULE)
        .stroke(),
    );
    pdf.x = left;
    pdf.y = y + h;
  };

  const headerCells = cellsOf(
    table.columns.map((c) => c.header),
    true,
  );
  const headerHeight = style.header ? heightOfRow(headerCells) : 0;
  const newPage = () => {
    pdf.addPage();
    if (style.header) drawRow(headerCells, true, HEADER_FILL);
  };

  // Keep the header with at least the first row (or three lines of it).
  const rows = table.rows.map((r) => cellsOf(r, false));
  const firstHeight = rows[0] ? Math.min(heightOfRow(rows[0]), oneLine * 3) : 0;
  if (pdf.y + headerHeight + firstHeight > pageBottom(pdf)) pdf.addPage();
  if (style.header) drawRow(headerCells, true, HEADER_FILL);
  if (rows.length === 0 && style.header) {
    drawRow(
      cellsOf(
        table.columns.map((_, i) => (i === 0 ? 'No entries.' : '')),
        false,
      ),
      false,
      null,
    );
  }

  for (const [n, cells] of rows.entries()) {
    const fill = style.zebra && n % 2 === 1 ? ZEBRA_FILL : null;
    const h = heightOfRow(cells);
    if (pdf.y + h <= pageBottom(pdf)) {
      drawRow(cells, false, fill);
      continue;
    }
    if (h <= pageBottom(pdf) - pageTop(pdf) - headerHeight) {
      newPage();
      drawRow(cells, false, fill);
      continue;
    }
    // Taller than a page: split the row by lines, continuing its text under the header on the next pages.
    let rest = cells;
    while (rest.some((c) => c.lines.length > 0)) {
      if (pageBottom(pdf) - pdf.y < oneLine * 2) newPage();
      const room = pageBottom(pdf) - pdf.y - 2 * PAD;
      const take = rest.map((c) => Math.max(1, Math.floor(room / (c.style.size * 1.22 + LINE_GAP))));
      drawRow(
        rest.map((c, i) => ({ ...c, lines: c.lines.slice(0, take[i]) })),
        false,
        fill,
      );
      rest = rest.map((c, i) => ({ ...c, lines: c.lines.slice(take[i]) }));
      if (rest.some((c) => c.lines.length > 0)) newPage();
    }
  }
  tableStruct.end();
  pdf.x = left;
}
