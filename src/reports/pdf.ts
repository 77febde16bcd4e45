// A4 PDF rendering of a ReportDocument with pdfkit and the standard Helvetica fonts: a title block with
// the organisation, audit, version and generation time, flowing text, tables that paginate cleanly, and a
// footer on every page ("Page N of M", organisation, generation time) so a printed page can be traced.
//
// Watermarks are applied here, at render time, on every page: pdfkit writes new PDFs and cannot edit an
// existing one, so this module offers no way to stamp an uploaded third-party PDF.

import PDFDocument from 'pdfkit';
import {
  type Block,
  cellText,
  generatedDate,
  metaEntries,
  type ReportDocument,
  type TableBlock,
  tableCaption,
} from './document.ts';
import { bars, lineChart } from './pdf-charts.ts';
import { breakLongWords, drawTable, type Pdf } from './pdf-table.ts';
import { toWinAnsi } from './winansi.ts';

export interface PdfOptions {
  /**
   * Text stamped on every page, e.g. "Downloaded by alice@example.com 2026-11-28T10:00Z": once as a
   * readable line above the content and once large, light and diagonal across the page.
   */
  watermark?: string;
  /**
   * Also draw the diagonal copy (default true). Text extractors (pdftotext, search) read it as scattered
   * fragments between lines; turn it off when a document is meant to be machine-read.
   */
  watermarkDiagonal?: boolean;
}

const A4 = 'A4';
const MARGIN = { top: 60, bottom: 64, left: 50, right: 50 };
const ACCENT = '#0b7285';
const INK = '#1a1a1a';
const MUTED = '#5c6670';
const BODY = { size: 10, lineGap: 2 };
const HEADING_SIZE = { 1: 16, 2: 13, 3: 11 } as const;

const t = toWinAnsi;
const contentWidth = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
const bottom = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;

/** Starts a new page unless `height` points still fit above the bottom margin. */
function ensureSpace(pdf: Pdf, height: number) {
  if (pdf.y + height > bottom(pdf)) pdf.addPage();
}

function titleBlock(pdf: Pdf, doc: ReportDocument) {
  const width = contentWidth(pdf);
  const left = pdf.page.margins.left;
  pdf.rect(left, pdf.y, width, 4).fill(ACCENT);
  pdf.y += 14;
  pdf.font('Helvetica-Bold').fontSize(22).fillColor(INK).text(t(doc.title), left, pdf.y, { width });
  if (doc.subtitle) {
    pdf.moveDown(0.2).font('Helvetica').fontSize(12).fillColor(MUTED).text(t(doc.subtitle), { width });
  }
  pdf.moveDown(0.8);
  const facts = metaEntries(doc.meta);
  drawTable(
    pdf,
    {
      columns: [
        { header: '', width: 1 },
        { header: '', width: 3 },
      ],
      rows: facts.map((f) => [t(f.label), t(f.value)]),
    },
    { header: false, zebra: false, firstColumnFont: 'Helvetica-Bold' },
  );
  pdf.moveDown(1.2);
}

function heading(pdf: Pdf, text: string, level: 1 | 2 | 3) {
  const size = HEADING_SIZE[level];
  // Keep a heading with the first lines that follow it (no heading alone at the foot of a page).
  ensureSpace(pdf, size * 2 + BODY.size * 4);
  pdf.moveDown(level === 1 ? 0.8 : 0.5);
  pdf
    .font('Helvetica-Bold')
    .fontSize(size)
    .fillColor(level === 1 ? ACCENT : INK)
    .text(t(text), pdf.page.margins.left, pdf.y, { width: contentWidth(pdf) });
  pdf.moveDown(0.3);
}

function paragraph(pdf: Pdf, text: string) {
  ensureSpace(pdf, BODY.size * 2);
  pdf.font('Helvetica').fontSize(BODY.size).fillColor(INK);
  const width = contentWidth(pdf);
  pdf.text(breakLongWords(pdf, t(text), width), pdf.page.margins.left, pdf.y, {
    width,
    lineGap: BODY.lineGap,
  });
  pdf.moveDown(0.6);
}

function bulletList(pdf: Pdf, items: string[]) {
  const left = pdf.page.margins.left;
  const indent = 14;
  for (const item of items) {
    ensureSpace(pdf, BODY.size * 2);
    const y = pdf.y;
    pdf
      .font('Helvetica')
      .fontSize(BODY.size)
      .fillColor(ACCENT)
      .text('•', left + 3, y, { lineBreak: false });
    const width = contentWidth(pdf) - indent;
    pdf
      .fillColor(INK)
      .text(breakLongWords(pdf, t(item), width), left + indent, y, { width, lineGap: BODY.lineGap });
    pdf.moveDown(0.25);
  }
  pdf.moveDown(0.4);
}

/** Columns whose every non-empty value is a number are right-aligned, as figures are in print. */
function table(pdf: Pdf, block: TableBlock) {
  const caption = tableCaption(block);
  if (caption) {
    ensureSpace(pdf, 60);
    pdf.font('Helvetica-Bold').fontSize(10.5).fillColor(INK);
    pdf.text(t(caption), pdf.page.margins.left, pdf.y, { width: contentWidth(pdf) });
    pdf.moveDown(0.3);
  }
  const columns = block.columns.map((c) => {
    const values = block.rows.map((r) => r[c.key]).filter((v) => v !== null && v !== undefined && v !== '');
    const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
    return { header: t(c.header), width: c.width, align: numeric ? ('right' as const) : ('left' as const) };
  });
  const rows = block.rows.map((r) => block.columns.map((c) => t(cellText(r[c.key]))));
  drawTable(pdf, { columns, rows }, { header: true, zebra: true });
  pdf.moveDown(0.8);
}

function renderBlock(pdf: Pdf, block: Block) {
  pdf.x = pdf.page.margins.left;
  switch (block.kind) {
    case 'heading':
      return heading(pdf, block.text, block.level);
    case 'paragraph':
      return paragraph(pdf, block.text);
    case 'keyValue':
    case 'fields':
      drawTable(
        pdf,
        {
          columns: [
            { header: '', width: 1 },
            { header: '', width: 2.4 },
          ],
          rows: block.items.map((i) => [t(i.label), t(i.value === '' ? '—' : i.value)]),
        },
        { header: false, zebra: false, firstColumnFont: 'Helvetica-Bold' },
      );
      pdf.moveDown(0.6);
      return;
    case 'bulletList':
    case 'list':
      return bulletList(pdf, block.items);
    case 'table':
      return table(pdf, block);
    case 'pageBreak':
      pdf.addPage();
      return;
    case 'bars':
      return bars(pdf, block);
    case 'lineChart':
      return lineChart(pdf, block);
  }
}

/** Footer (and watermark) on every buffered page, written once the page count is known. */
function decoratePages(pdf: Pdf, doc: ReportDocument, options: PdfOptions) {
  const range = pdf.bufferedPageRange();
  const footerLeft = t(`${doc.meta.organisation} · ${doc.title}`);
  const generated = t(
    `Generated ${doc.meta.generatedAt}${doc.meta.generatedBy ? ` by ${doc.meta.generatedBy}` : ''}`,
  );
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const left = pdf.page.margins.left;
    const width = contentWidth(pdf);
    const y = pdf.page.height - pdf.page.margins.bottom + 18;
    const pageLabel = `Page ${i + 1} of ${range.count}`;
    const box = (w: number) => ({ width: w, height: 12, lineBreak: false, ellipsis: true });
    pdf
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.5)
      .strokeColor('#c9d3d6')
      .stroke();
    pdf.font('Helvetica').fontSize(8).fillColor(MUTED);
    pdf.text(footerLeft, left, y, box(width - 90));
    pdf.text(generated, left, y + 11, box(width - 90));
    pdf.font('Helvetica-Bold').text(pageLabel, left + width - 90, y, { ...box(90), align: 'right' });
    if (options.watermark) stampPage(pdf, t(options.watermark), options.watermarkDiagonal ?? true);
  }
}

function stampPage(pdf: Pdf, text: string, diagonal: boolean) {
  const { width, height } = pdf.page;
  const left = pdf.page.margins.left;
  pdf.font('Helvetica').fontSize(8).fillColor('#a61e4d');
  pdf.text(text, left, 30, {
    width: width - left - pdf.page.margins.right,
    height: 12,
    align: 'center',
    lineBreak: false,
  });
  if (!diagonal) return;
  // The diagonal copy is drawn last, light and translucent, so it marks the page without hiding content;
  // it is sized to span about 70% of the page diagonal whatever the length of the text.
  const diagonalLength = Math.hypot(width, height);
  pdf.font('Helvetica-Bold').fontSize(1);
  const size = Math.min(48, (diagonalLength * 0.7) / Math.max(1, pdf.widthOfString(text)));
  pdf.save();
  pdf.rotate(-Math.atan2(height, width) * (180 / Math.PI), { origin: [width / 2, height / 2] });
  pdf.fontSize(size).fillColor('#868e96').fillOpacity(0.15);
  const textWidth = pdf.widthOfString(text);
  pdf.text(text, width / 2 - textWidth / 2, height / 2 - size / 2, { lineBreak: false });
  pdf.restore();
}

/** Renders the report as an A4 PDF. Text outside WinAnsi is mapped by toWinAnsi (see winansi.ts). */
export async function renderPdf(doc: ReportDocument, options: PdfOptions = {}): Promise<Buffer> {
  const created = generatedDate(doc.meta);
  const pdf = new PDFDocument({
    size: A4,
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    // Document information dictionary (ISO 32000-1 §14.3.3); pdfkit writes these as UTF-16 text strings.
    info: {
      Title: doc.title,
      Author: doc.meta.generatedBy ?? doc.meta.organisation,
      Subject: doc.subtitle ?? doc.title,
      Creator: 'closeloop',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  titleBlock(pdf, doc);
  for (const block of doc.blocks) renderBlock(pdf, block);
  decoratePages(pdf, doc, options);
  pdf.end();
  return done;
}
