import type { BarsBlock, LineChartBlock } from './document.ts';
import { type Pdf, writeText } from './pdf-text.ts';

// Drawn inside one Figure structure element (pdf.ts), its caption as alternative text.
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
  writeText(pdf, text, pdf.page.margins.left, pdf.y, width(pdf), { size: 10.5, face: 'bold', color: INK });
  pdf.y += 4;
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
    const label = writeText(pdf, item.label, left, y + 2, labelWidth - 6, { size: 8.5, color: INK });
    const share = item.value === null ? 0 : Math.min(1, Math.max(0, item.value / block.max));
    pdf.rect(left + labelWidth, y + 2, barWidth, 9).fill(TRACK);
    if (share > 0) pdf.rect(left + labelWidth, y + 2, barWidth * share, 9).fill(ACCENT);
    const value = item.value === null ? 'n/a' : `${item.value}${block.unit ?? ''}`;
    writeText(pdf, value, left + labelWidth + barWidth + 8, y + 2, valueWidth, { size: 8.5, color: INK });
    pdf.y = Math.max(y + rowHeight, label);
  }
  pdf.x = left;
  pdf.y += 10;
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
  const y = top + height + 3;
  if (n > 0) {
    const small = { size: 7.5, color: MUTED };
    writeText(pdf, `${block.labels[0]!} – ${block.labels[n - 1]!}`, left, y, w, small);
  }
  const legend = block.series
    .map((s) => `${s.label}: ${s.values.at(0) ?? '—'} → ${s.values.at(-1) ?? '—'} (scale 0–${s.max})`)
    .join('    ');
  writeText(pdf, legend, left, y + 12, w, { size: 8.5, color: INK });
  pdf.x = left;
  pdf.y += 10;
}
