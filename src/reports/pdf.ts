// A4 PDF rendering of a ReportDocument with pdfkit: a title block with the organisation, audit, revision
// and generation time, flowing text, tables that paginate cleanly, and a footer on every page ("Page N
// of M", organisation, audit, revision, generation time) so a printed page can be traced.
//
// Text in any script: fonts are embedded as subsets and chosen per run of text (pdf-fonts.ts), so
// pdftotext returns the text as entered. Tagged PDF (ISO 32000-1 §14.8): headings H1–H3, paragraphs,
// lists, tables with header cells, in reading order; the document's title is shown and its language set.
//
// Watermarks are applied here, at render time, on every page: pdfkit writes new PDFs and cannot edit an
// existing one, so this module offers no way to stamp an uploaded third-party PDF.

import { createRequire } from 'node:module';
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
import { registerFonts } from './pdf-fonts.ts';
import { artifact, drawTable } from './pdf-table.ts';
import { type Pdf, type TextStyle, writeText } from './pdf-text.ts';

// pdfkit (and the fontkit under it) load with the first PDF, not at server start (#16).
const loadPdfkit = () => createRequire(import.meta.url)('pdfkit') as typeof import('pdfkit');

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

type Struct = PDFKit.PDFStructureElement;

const MARGIN = { top: 60, bottom: 64, left: 50, right: 50 };
const ACCENT = '#0b7285';
const INK = '#1a1a1a';
const MUTED = '#5c6670';
const BODY: TextStyle = { size: 10, lineGap: 2, color: INK };
const HEADING_SIZE = { 1: 16, 2: 13, 3: 11 } as const;

const contentWidth = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
const bottom = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;

/** Starts a new page unless `height` points still fit above the bottom margin. */
function ensureSpace(pdf: Pdf, height: number) {
  if (pdf.y + height > bottom(pdf)) pdf.addPage();
}

/** Text as one structure element of `type` under `parent`. */
function tagged(pdf: Pdf, parent: Struct, type: string, draw: () => void) {
  parent.add(pdf.struct(type, {}, draw));
}

function titleBlock(pdf: Pdf, doc: ReportDocument, root: Struct) {
  const width = contentWidth(pdf);
  const left = pdf.page.margins.left;
  const top = pdf.y;
  artifact(pdf, () => pdf.rect(left, top, width, 4).fill(ACCENT));
  pdf.y += 14;
  tagged(pdf, root, 'H1', () => writeText(pdf, doc.title, left, pdf.y, width, { size: 22, face: 'bold' }));
  if (doc.subtitle) {
    pdf.y += 3;
    tagged(pdf, root, 'P', () =>
      writeText(pdf, doc.subtitle!, left, pdf.y, width, { size: 12, color: MUTED }),
    );
  }
  pdf.y += 10;
  drawTable(
    pdf,
    {
      columns: [
        { header: 'Fact', width: 1 },
        { header: 'Value', width: 3 },
      ],
      rows: metaEntries(doc.meta).map((f) => [f.label, f.value]),
    },
    { header: false, zebra: false, rowHeaders: true },
    root,
  );
  pdf.y += 16;
}

function heading(pdf: Pdf, root: Struct, text: string, level: 1 | 2 | 3) {
  const size = HEADING_SIZE[level];
  // Keep a heading with the first lines that follow it (no heading alone at the foot of a page).
  ensureSpace(pdf, size * 2 + BODY.size * 4);
  pdf.y += level === 1 ? 10 : 6;
  const style: TextStyle = { size, face: 'bold', color: level === 1 ? ACCENT : INK };
  // The report title is the one H1; block headings sit one level below it.
  tagged(pdf, root, `H${level + 1}`, () =>
    writeText(pdf, text, pdf.page.margins.left, pdf.y, contentWidth(pdf), style),
  );
  pdf.y += 4;
}

function paragraph(pdf: Pdf, root: Struct, text: string) {
  ensureSpace(pdf, BODY.size * 2);
  tagged(pdf, root, 'P', () => writeText(pdf, text, pdf.page.margins.left, pdf.y, contentWidth(pdf), BODY));
  pdf.y += 7;
}

function bulletList(pdf: Pdf, root: Struct, items: string[]) {
  const left = pdf.page.margins.left;
  const indent = 14;
  const list = pdf.struct('L');
  root.add(list);
  for (const item of items) {
    ensureSpace(pdf, BODY.size * 2);
    const y = pdf.y;
    const li = pdf.struct('LI');
    list.add(li);
    li.add(pdf.struct('Lbl', {}, () => writeText(pdf, '•', left + 3, y, indent, { ...BODY, color: ACCENT })));
    li.add(
      pdf.struct('LBody', {}, () => writeText(pdf, item, left + indent, y, contentWidth(pdf) - indent, BODY)),
    );
    li.end();
    pdf.y += 3;
  }
  list.end();
  pdf.y += 5;
}

/** Columns whose every non-empty value is a number are right-aligned, as figures are in print. */
function table(pdf: Pdf, root: Struct, block: TableBlock) {
  const caption = tableCaption(block);
  if (caption) {
    ensureSpace(pdf, 60);
    const style: TextStyle = { size: 10.5, face: 'bold' };
    tagged(pdf, root, 'Caption', () =>
      writeText(pdf, caption, pdf.page.margins.left, pdf.y, contentWidth(pdf), style),
    );
    pdf.y += 4;
  }
  const columns = block.columns.map((c) => {
    const values = block.rows.map((r) => r[c.key]).filter((v) => v !== null && v !== undefined && v !== '');
    const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
    return { header: c.header, width: c.width, align: numeric ? ('right' as const) : ('left' as const) };
  });
  const rows = block.rows.map((r) => block.columns.map((c) => cellText(r[c.key])));
  drawTable(pdf, { columns, rows }, { header: true, zebra: true }, root);
  pdf.y += 10;
}

function renderBlock(pdf: Pdf, root: Struct, block: Block) {
  pdf.x = pdf.page.margins.left;
  switch (block.kind) {
    case 'heading':
      return heading(pdf, root, block.text, block.level);
    case 'paragraph':
      return paragraph(pdf, root, block.text);
    case 'keyValue':
    case 'fields':
      drawTable(
        pdf,
        {
          columns: [
            { header: 'Field', width: 1 },
            { header: 'Value', width: 2.4 },
          ],
          rows: block.items.map((i) => [i.label, i.value === '' ? '—' : i.value]),
        },
        { header: false, zebra: false, rowHeaders: true },
        root,
      );
      pdf.y += 7;
      return;
    case 'bulletList':
    case 'list':
      return bulletList(pdf, root, block.items);
    case 'table':
      return table(pdf, root, block);
    case 'pageBreak':
      pdf.addPage();
      return;
    case 'bars':
      return tagged(pdf, root, 'Figure', () => bars(pdf, block));
    case 'lineChart':
      return tagged(pdf, root, 'Figure', () => lineChart(pdf, block));
  }
}

/** What the footer names: organisation and title, then audit and revision where the report has them. */
export function footerLines(doc: ReportDocument): [string, string] {
  const m = doc.meta;
  const first = [
    m.organisation,
    doc.title,
    m.audit && `Audit ${m.audit}`,
    m.revision && `Revision ${m.revision}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return [first, `Generated ${m.generatedAt}${m.generatedBy ? ` by ${m.generatedBy}` : ''}`];
}

/** Footer (and watermark) on every buffered page, written once the page count is known; artifacts. */
function decoratePages(pdf: Pdf, doc: ReportDocument, options: PdfOptions) {
  const range = pdf.bufferedPageRange();
  const [footerLeft, generated] = footerLines(doc);
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const left = pdf.page.margins.left;
    const width = contentWidth(pdf);
    const y = pdf.page.height - pdf.page.margins.bottom + 14;
    // Footer text sits in the bottom margin: keep pdfkit from starting a page for it.
    const savedBottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    artifact(pdf, () => {
      pdf
        .moveTo(left, y - 6)
        .lineTo(left + width, y - 6)
        .lineWidth(0.5)
        .strokeColor('#c9d3d6')
        .stroke();
      const small: TextStyle = { size: 7.5, color: MUTED };
      writeText(pdf, footerLeft, left, y, width - 80, small);
      writeText(pdf, generated, left, pdf.y + 1, width - 80, small);
      const label = `Page ${i + 1} of ${range.count}`;
      writeText(pdf, label, left + width - 75, y, 75, { size: 8, face: 'bold', color: MUTED });
      if (options.watermark) stampPage(pdf, options.watermark, options.watermarkDiagonal ?? true);
    });
    pdf.page.margins.bottom = savedBottom;
  }
}

function stampPage(pdf: Pdf, text: string, diagonal: boolean) {
  const { width, height } = pdf.page;
  const left = pdf.page.margins.left;
  writeText(pdf, text, left, 30, width - left - pdf.page.margins.right, { size: 8, color: '#a61e4d' });
  if (!diagonal) return;
  // The diagonal copy is drawn last, light and translucent, so it marks the page without hiding content;
  // it is sized to span about 70% of the page diagonal whatever the length of the text.
  const diagonalLength = Math.hypot(width, height);
  pdf.font('body-bold').fontSize(1);
  const size = Math.min(48, (diagonalLength * 0.7) / Math.max(1, pdf.widthOfString(text)));
  pdf.save();
  pdf.rotate(-Math.atan2(height, width) * (180 / Math.PI), { origin: [width / 2, height / 2] });
  pdf.fontSize(size).fillOpacity(0.15);
  const textWidth = pdf.widthOfString(text);
  writeText(pdf, text, width / 2 - textWidth / 2, height / 2 - size / 2, textWidth + 10, {
    size,
    face: 'bold',
    color: '#868e96',
  });
  pdf.restore();
}

/** Renders the report as a tagged A4 PDF (landscape when the document asks for it). */
export async function renderPdf(doc: ReportDocument, options: PdfOptions = {}): Promise<Buffer> {
  const created = generatedDate(doc.meta);
  const PDFDocument = loadPdfkit();
  const pdf = new PDFDocument({
    size: 'A4',
    layout: doc.orientation ?? 'portrait',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    tagged: true,
    lang: doc.lang ?? 'en',
    displayTitle: true,
    pdfVersion: '1.7',
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
  registerFonts(pdf);
  pdf.font('body');
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  titleBlock(pdf, doc, root);
  for (const block of doc.blocks) renderBlock(pdf, root, block);
  root.end();
  decoratePages(pdf, doc, options);
  pdf.end();
  return done;
}
