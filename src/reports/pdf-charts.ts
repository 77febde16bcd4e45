import type { BarsBlock, LineChartBlock } from './document.ts';
import type { Pdf } from './pdf-table.ts';
import { toWinAnsi as t } from './winansi.ts';

// Simple vector charts for printed reports (an executive reads a trend faster than a table): horizontal
// bars on one scale, and lines each on its own 0..max scale. Drawn with pdfkit primitives, so the text of
// labels and values stays selectable and extractable.

const ACCENT = '#0b7285';
const TRACK = '#e9ecef';
const INK = '#1a1a1a';
const MUTED = '#5c6670';
const PALETTE = ['#3b5bdb', '#0ca678', '#f08c00', '#e03131'];

const width = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;

function caption(pdf: Pdf, text: string, need: number) {
  if (pdf.y + need > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  pdf.font('Helvetica-Bold').fontSize(10.5).fillColor(INK);
  pdf.text(t(text), pdf.page.margins.left, pdf.y, { width: width(pdf) });
  pdf.moveDown(0.3);
}

export function bars(pdf: Pdf, block: BarsBlock) {
  const rowHeight = 14;
  caption(pdf, block.caption, 24 + rowHeight * block.items.length);
  const left = pdf.page.margins.left;
  const labelWidth = width(pdf) * 0.38;
  const valueWidth = 56;
  const barWidth = width(pdf) - labelWidth - valueWidth - 8;
  for (const item of block.items) {
    const y = pdf.y;
    pdf.font('Helvetica').fontSize(8.5).fillColor(INK);
    pdf.text(t(item.label), left, y + 2, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    pdf.rect(left + labelWidth, y + 2, barWidth, 9).fill(TRACK);
    const share = item.value === null ? 0 : Math.min(1, Math.max(0, item.value / block.max));
    if (share > 0) pdf.rect(left + labelWidth, y + 2, barWidth * share, 9).fill(ACCENT);
    const value = item.value === null ? 'n/a' : `${item.value}${block.unit ?? ''}`;
    pdf
      .fillColor(INK)
      .text(t(value), left + labelWidth + barWidth + 8, y + 2, { width: valueWidth, lineBreak: false });
    pdf.y = y + rowHeight;
  }
  pdf.x = left;
  pdf.moveDown(0.8);
}

export function lineChart(pdf: Pdf, block: LineChartBlock) {
  const height = 120;
  caption(pdf, block.caption, height + 50);
  const left = pdf.page.margins.left;
  const top = pdf.y + 4;
  const w = width(pdf);
  pdf.rect(left, top, w, height).lineWidth(0.5).strokeColor(TRACK).stroke();
  const n = block.labels.length;
  const xAt = (i: number) => left + (n <= 1 ? w / 2 : (i * w) / (n - 1));
  block.series.forEach((s, k) => {
    const colour = s.colour ?? PALETTE[k % PALETTE.length]!;
    const yAt = (v: number) => top + height - (Math.min(s.max, Math.max(0, v)) / s.max) * height;
    s.values.forEach((v, i) => {
      if (i === 0) pdf.moveTo(xAt(i), yAt(v));
      else pdf.lineTo(xAt(i), yAt(v));
    });
    pdf.lineWidth(1.5).strokeColor(colour).stroke();
    for (const [i, v] of s.values.entries()) pdf.circle(xAt(i), yAt(v), 1.8).fill(colour);
  });
  pdf.font('Helvetica').fontSize(7.5).fillColor(MUTED);
  const y = top + height + 3;
  if (n > 0) {
    pdf.text(t(block.labels[0]!), left, y, { lineBreak: false });
    pdf.text(t(block.labels[n - 1]!), left + w - 80, y, { width: 80, align: 'right', lineBreak: false });
  }
  const legend = block.series
    .map((s) => `${s.label}: ${s.values.at(0) ?? '—'} → ${s.values.at(-1) ?? '—'} (scale 0–${s.max})`)
    .join('    ');
  pdf
    .fillColor(INK)
    .fontSize(8.5)
    .text(t(legend), left, y + 12, { width: w });
  pdf.x = left;
  pdf.moveDown(0.8);
}
