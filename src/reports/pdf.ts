import PDFDocument from 'pdfkit';
import type { Block, ReportDocument, TableBlock } from './model.ts';

// A4 PDFs with a title block, wrapped tables whose header repeats on each page, and a footer on every
// page with the organisation, generation time and "Page N of M" (an auditor files these).

const MARGIN = 50;
const FOOT = 40;

/** The standard PDF fonts cover WinAnsi only; anything else becomes '?' instead of breaking the file. */
const EXTRA = new Set([0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x20ac]);
const winAnsi = (s: string) =>
  [...s]
    .map((ch) => {
      const c = ch.codePointAt(0) ?? 0x3f;
      return c === 9 ||
        c === 10 ||
        c === 13 ||
        (c >= 0x20 && c <= 0x7e) ||
        (c >= 0xa0 && c <= 0xff) ||
        EXTRA.has(c)
        ? ch
        : '?';
    })
    .join('');

export async function renderPdf(doc: ReportDocument, options: { watermark?: string } = {}): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOT, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: winAnsi(doc.title),
      Author: winAnsi(doc.meta.organisation),
      Creator: 'closeloop',
      CreationDate: new Date(doc.meta.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  const width = pdf.page.width - 2 * MARGIN;

  pdf.font('Helvetica-Bold').fontSize(20).fillColor('#0b7285').text(winAnsi(doc.title));
  if (doc.subtitle) pdf.font('Helvetica').fontSize(12).fillColor('#333').text(winAnsi(doc.subtitle));
  pdf.moveDown(0.5).font('Helvetica').fontSize(9).fillColor('#555');
  const metaLine = [
    `Organisation: ${doc.meta.organisation}`,
    doc.meta.audit ? `Audit: ${doc.meta.audit}` : null,
    doc.meta.version ? `Version: ${doc.meta.version}` : null,
    `Generated: ${doc.meta.generatedAt}${doc.meta.generatedBy ? ` by ${doc.meta.generatedBy}` : ''}`,
  ].filter(Boolean);
  pdf.text(winAnsi(metaLine.join('   ·   ')), { width });
  pdf.moveDown(1).fillColor('#000');
  for (const block of doc.blocks) renderBlock(pdf, block, width);

  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const y = pdf.page.height - MARGIN - 14;
    pdf.font('Helvetica').fontSize(8).fillColor('#666');
    pdf.text(
      winAnsi(`${doc.meta.organisation} · ${doc.title} · generated ${doc.meta.generatedAt}`),
      MARGIN,
      y,
      { width: width - 80, lineBreak: false },
    );
    pdf.text(`Page ${i + 1} of ${range.count}`, MARGIN + width - 80, y, {
      width: 80,
      align: 'right',
      lineBreak: false,
    });
    if (options.watermark) {
      pdf
        .fontSize(8)
        .fillColor('#b00')
        .text(winAnsi(options.watermark), MARGIN, MARGIN - 30, { width, align: 'center', lineBreak: false });
    }
  }
  pdf.end();
  return done;
}

function ensureSpace(pdf: PDFKit.PDFDocument, needed: number) {
  if (pdf.y + needed > pdf.page.height - MARGIN - FOOT) pdf.addPage();
}

function renderBlock(pdf: PDFKit.PDFDocument, b: Block, width: number) {
  pdf.x = MARGIN;
  switch (b.kind) {
    case 'heading': {
      const size = b.level === 1 ? 15 : b.level === 2 ? 12.5 : 11;
      ensureSpace(pdf, size * 4);
      pdf
        .moveDown(0.6)
        .font('Helvetica-Bold')
        .fontSize(size)
        .fillColor('#0b4f5c')
        .text(winAnsi(b.text), { width });
      pdf.moveDown(0.3).fillColor('#000');
      return;
    }
    case 'paragraph':
      pdf
        .font('Helvetica')
        .fontSize(10)
        .text(winAnsi(b.text || '—'), { width });
      pdf.moveDown(0.4);
      return;
    case 'fields':
      for (const f of b.items) {
        ensureSpace(pdf, 28);
        pdf.font('Helvetica-Bold').fontSize(9).fillColor('#444').text(winAnsi(f.label), { width });
        pdf
          .font('Helvetica')
          .fontSize(10)
          .fillColor('#000')
          .text(winAnsi(f.value || '—'), { width });
        pdf.moveDown(0.3);
      }
      return;
    case 'list':
      pdf.font('Helvetica').fontSize(10);
      for (const item of b.items) pdf.text(winAnsi(`•  ${item}`), { width, indent: 6 });
      pdf.moveDown(0.4);
      return;
    case 'pageBreak':
      pdf.addPage();
      return;
    case 'table':
      renderTable(pdf, b, width);
  }
}

function renderTable(pdf: PDFKit.PDFDocument, t: TableBlock, width: number) {
  if (t.title) {
    ensureSpace(pdf, 40);
    pdf.font('Helvetica-Bold').fontSize(10).text(winAnsi(t.title), { width });
    pdf.moveDown(0.2);
  }
  const total = t.columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const widths = t.columns.map((c) => ((c.width ?? 1) / total) * width);
  const pad = 3;
  const rowHeight = (cells: string[], font: string) => {
    pdf.font(font).fontSize(8.5);
    return Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, fill: string | null) => {
    const h = rowHeight(cells, font);
    let x = MARGIN;
    const y = pdf.y;
    if (fill) pdf.rect(MARGIN, y, width, h).fill(fill);
    pdf.fillColor('#000').font(font).fontSize(8.5);
    cells.forEach((c, i) => {
      pdf.text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad });
      x += widths[i]!;
    });
    pdf
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .strokeColor('#ddd')
      .lineWidth(0.5)
      .stroke();
    pdf.x = MARGIN;
    pdf.y = y + h;
  };
  const header = t.columns.map((c) => winAnsi(c.header));
  ensureSpace(pdf, rowHeight(header, 'Helvetica-Bold') * 2);
  drawRow(header, 'Helvetica-Bold', '#e3f2f3');
  t.rows.forEach((r, n) => {
    const cells = t.columns.map((c) =>
      winAnsi(r[c.key] === null || r[c.key] === undefined ? '' : String(r[c.key])),
    );
    // Never cut a row in half: move it, and the repeated header, to the next page.
    if (pdf.y + rowHeight(cells, 'Helvetica') > pdf.page.height - MARGIN - FOOT) {
      pdf.addPage();
      drawRow(header, 'Helvetica-Bold', '#e3f2f3');
    }
    drawRow(cells, 'Helvetica', n % 2 === 1 ? '#f7f9f9' : null);
  });
  pdf.moveDown(0.6);
}
