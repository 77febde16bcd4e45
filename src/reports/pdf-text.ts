// Line layout for pdfkit with a font per run of text (pdf-fonts.ts): text is measured and wrapped here,
// once, and drawn exactly as measured, so a table row's height is the height of what is drawn. Lines
// break after spaces and between CJK characters (which are written without spaces), never inside a word
// or a date; only a token wider than the whole line is cut, at a character.

import { type FontFace, fontRuns, type Run } from './pdf-fonts.ts';

export type Pdf = PDFKit.PDFDocument;

export interface TextStyle {
  size: number;
  face?: FontFace;
  color?: string;
  /** Extra points between lines. */
  lineGap?: number;
}

export interface Segment extends Run {
  width: number;
}

export interface Line {
  segments: Segment[];
  width: number;
}

export const lineHeight = (s: TextStyle) => s.size * 1.22 + (s.lineGap ?? 0);

// A break is allowed before and after each character of these scripts (UAX #14 class ID, simplified).
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;

// Closing punctuation that must not start a line (JIS X 4051 line-start prohibition, simplified).
const NO_BREAK_BEFORE = /[、。，．・：；？！）」』】〉》〕ー々]/u;

/** Tokens ending where a line may break: a word with the spaces after it, or one CJK character. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let afterSpace = false;
  let previous = '';
  for (const ch of text) {
    if (/\s/u.test(ch)) {
      current += ch;
      afterSpace = true;
      continue;
    }
    const breakHere = afterSpace || ((CJK.test(ch) || CJK.test(previous)) && !NO_BREAK_BEFORE.test(ch));
    if (current && breakHere) {
      out.push(current);
      current = '';
    }
    current += ch;
    afterSpace = false;
    previous = ch;
  }
  if (current) out.push(current);
  return out;
}

function measure(pdf: Pdf, runs: Run[], size: number): Segment[] {
  return runs.map((r) => ({ ...r, width: pdf.font(r.font).fontSize(size).widthOfString(r.text) }));
}

const sum = (segs: Segment[]) => segs.reduce((a, s) => a + s.width, 0);

function pushSegments(line: Line, segs: Segment[]) {
  for (const s of segs) {
    const last = line.segments[line.segments.length - 1];
    if (last && last.font === s.font) {
      last.text += s.text;
      last.width += s.width;
    } else line.segments.push({ ...s });
  }
  line.width = sum(line.segments);
}

/** Drops trailing spaces of a line (they are where it broke). */
function trimLine(pdf: Pdf, line: Line, size: number): Line {
  const last = line.segments[line.segments.length - 1];
  if (last && /\s$/.test(last.text)) {
    last.text = last.text.replace(/\s+$/u, '');
    last.width = last.text ? pdf.font(last.font).fontSize(size).widthOfString(last.text) : 0;
    if (!last.text) line.segments.pop();
    line.width = sum(line.segments);
  }
  return line;
}

/** Cuts a token wider than the line into pieces that fit, character by character. */
function cutToken(pdf: Pdf, token: string, face: FontFace, size: number, width: number): Segment[][] {
  const pieces: Segment[][] = [];
  let piece: Segment[] = [];
  let w = 0;
  for (const ch of token) {
    const [seg] = measure(pdf, fontRuns(ch, face), size);
    if (piece.length > 0 && w + seg!.width > width) {
      pieces.push(piece);
      piece = [];
      w = 0;
    }
    piece.push(seg!);
    w += seg!.width;
  }
  if (piece.length) pieces.push(piece);
  return pieces;
}

/** Lays text out in lines no wider than `width`; every hard line break starts a new line. */
export function layout(pdf: Pdf, text: string, width: number, style: TextStyle): Line[] {
  const face = style.face ?? 'regular';
  const lines: Line[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line: Line = { segments: [], width: 0 };
    for (const token of tokens(paragraph)) {
      const segs = measure(pdf, fontRuns(token, face), style.size);
      const inked = sum(measure(pdf, fontRuns(token.trimEnd(), face), style.size));
      if (line.width + inked <= width) {
        pushSegments(line, segs);
        continue;
      }
      if (line.segments.length > 0) lines.push(trimLine(pdf, line, style.size));
      line = { segments: [], width: 0 };
      if (inked <= width) {
        pushSegments(line, segs);
        continue;
      }
      const pieces = cutToken(pdf, token, face, style.size, width);
      for (const [i, piece] of pieces.entries()) {
        if (i < pieces.length - 1) lines.push({ segments: piece, width: sum(piece) });
        else pushSegments(line, piece);
      }
    }
    lines.push(trimLine(pdf, line, style.size));
  }
  return lines;
}

export const heightOf = (lines: Line[], style: TextStyle) => Math.max(1, lines.length) * lineHeight(style);

/**
 * Draws lines from the top-left (x, y); returns the y under the last line. Each run is written as one
 * string at its measured place on the alphabetic baseline, so mixed fonts share one baseline.
 */
export function drawLines(
  pdf: Pdf,
  lines: Line[],
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  align: 'left' | 'right' = 'left',
  flow = false,
): number {
  const lh = lineHeight(style);
  let top = y;
  for (const line of lines) {
    // Flowing text (paragraphs, list items) continues on a new page; table cells are measured to fit.
    if (flow && top + lh > pdf.page.height - pdf.page.margins.bottom && top > pdf.page.margins.top) {
      pdf.addPage();
      top = pdf.page.margins.top;
    }
    pdf.fillColor(style.color ?? '#1a1a1a');
    let cx = align === 'right' ? x + width - line.width : x;
    const baseline = top + style.size * 0.95;
    for (const seg of line.segments) {
      pdf.font(seg.font).fontSize(style.size);
      pdf.text(seg.text, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
      cx += seg.width;
    }
    top += lh;
  }
  pdf.x = x;
  pdf.y = top;
  return top;
}

/** Lays out and draws text in one go, flowing onto new pages as needed; returns the y under it. */
export function writeText(pdf: Pdf, text: string, x: number, y: number, width: number, style: TextStyle) {
  return drawLines(pdf, layout(pdf, text, width, style), x, y, width, style, 'left', true);
}
