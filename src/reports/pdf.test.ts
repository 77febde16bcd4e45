import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from './document.ts';
import { renderPdf } from './pdf.ts';
import { registerFonts } from './pdf-fonts.ts';
import { layout } from './pdf-text.ts';

// The assertions read the PDF back with poppler's pdftotext and pdfinfo: what an auditor's tools see.
function withFile<T>(bytes: Buffer, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-report-'));
  try {
    const file = path.join(dir, 'r.pdf');
    fs.writeFileSync(file, bytes);
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** Text of each page, in order; `body` crops to the area above the footer (A4 height − 64 pt margin). */
const pagesOf = (bytes: Buffer, area: 'page' | 'body' = 'page'): string[] =>
  withFile(bytes, (file) => {
    const count = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
    const crop = area === 'body' ? ['-x', '0', '-y', '0', '-W', '596', '-H', String(842 - 64)] : [];
    return Array.from({ length: count }, (_, i) =>
      run('pdftotext', ['-layout', ...crop, '-f', String(i + 1), '-l', String(i + 1), file, '-']),
    );
  });

const ORG = 'Société Générale d’Exemple';
const GENERATED = '2026-11-28T10:00:00Z';
const LONG = Array.from({ length: 60 }, (_, i) => `wrap${i}`).join(' ');

const doc: ReportDocument = {
  title: 'Corrective Action Plan',
  subtitle: 'ISO/IEC 27001:2022 – surveillance audit',
  meta: { organisation: ORG, audit: 'S1-2026', version: '4', generatedAt: GENERATED, generatedBy: 'Zoë' },
  blocks: [
    { kind: 'heading', level: 1, text: 'Nonconformities' },
    { kind: 'paragraph', text: 'Müller said “déjà vu” – naïve façade ✓ Łódź' },
    { kind: 'keyValue', items: [{ label: 'Lead auditor', value: 'Jürgen Weiß' }] },
    { kind: 'bulletList', items: ['Patch within 30 days'] },
    {
      kind: 'table',
      caption: 'Corrective actions',
      columns: [
        { key: 'n', header: 'No.' },
        { key: 'action', header: 'Planned action', width: 5 },
        { key: 'owner', header: 'Owner', width: 2 },
      ],
      rows: Array.from({ length: 120 }, (_, i) => ({
        n: i + 1,
        action: i % 10 === 4 ? `Row${i + 1}-start ${LONG} Row${i + 1}-end` : `Row${i + 1}-text café`,
        owner: i % 3 === 0 ? null : 'Owner Ünal',
      })),
    },
  ],
};

describe('renderPdf', () => {
  let pages: string[];
  let all: string;
  beforeAll(async () => {
    pages = pagesOf(await renderPdf(doc));
    all = pages.join('\n');
  });

  it('paginates a 120-row table with every row present exactly once', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= 120; n++) {
      const marker = n % 10 === 5 ? `Row${n}-start` : `Row${n}-text café`;
      expect(all.split(marker).length - 1, marker).toBe(1);
    }
  });

  it('never cuts a row in half nor lets it run into the footer', async () => {
    const bodies = pagesOf(await renderPdf(doc), 'body');
    for (let n = 1; n <= 120; n++) {
      const marker = n % 10 === 5 ? `Row${n}-start` : `Row${n}-text café`;
      expect(bodies.join('\n').split(marker).length - 1, marker).toBe(1);
    }
    // A wrapped row starts and ends on the same page.
    for (let n = 5; n <= 120; n += 10) {
      const page = bodies.findIndex((p) => p.includes(`Row${n}-start`));
      expect(bodies[page], `row ${n}`).toContain(`Row${n}-end`);
      expect(bodies[page]).toContain('wrap59');
    }
    for (const body of bodies) expect(body).not.toContain('Page ');
  });

  it('repeats the table header on every page after the first', () => {
    for (const page of pages.slice(1)) expect(page).toMatch(/No\.\s+Planned action\s+Owner/);
  });

  it('numbers every page "Page N of M" with the organisation and generation time in the footer', () => {
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain(ORG);
      expect(page).toContain(`Generated ${GENERATED} by Zoë`);
    });
  });

  it('shows the title block and keeps non-ASCII Latin text intact', () => {
    const first = pages[0]!;
    for (const text of ['Corrective Action Plan', 'S1-2026', 'Version', 'Generated at', 'Jürgen Weiß'])
      expect(first).toContain(text);
    expect(first).toContain('ISO/IEC 27001:2022 – surveillance audit');
    // Embedded fonts: ✓, Ł and ź are printed as written (they were '?', 'L' and 'z' under WinAnsi).
    expect(first).toContain('Müller said “déjà vu” – naïve façade ✓ Łódź');
    expect(all).toContain('Owner Ünal');
  });

  it('prints Thai, Devanagari, Czech, Vietnamese, Ukrainian, Chinese and Korean text and emoji, none dropped', async () => {
    // Before session 6 Thai and Devanagari vanished from the page and emoji printed as empty boxes.
    const samples = [
      'สวัสดีชาวโลก การแก้ไข',
      'नमस्ते सुधारात्मक',
      'Příliš žluťoučký kůň',
      'Nguyễn Thị Ánh',
      'Ґанна Єва Їжак',
      '纠正措施',
      '시정 조치',
      'Done 👍',
    ];
    const bytes = await renderPdf({
      title: 'Scripts',
      meta: { organisation: ORG, generatedAt: GENERATED, generatedBy: 'Zoë' },
      blocks: samples.map((text) => ({ kind: 'paragraph', text })),
    });
    const text = pagesOf(bytes).join('\n');
    for (const sample of samples) expect(text, sample).toContain(sample);
    const fonts = withFile(bytes, (file) => run('pdffonts', [file]));
    for (const font of ['NotoSansThai', 'NotoSansDevanagari', 'NotoEmoji']) expect(fonts).toContain(font);
  });

  it('writes the document information dictionary', () =>
    renderPdf(doc).then((bytes) =>
      withFile(bytes, (file) => {
        const info = run('pdfinfo', ['-isodates', file]);
        expect(info).toMatch(/Title:\s+Corrective Action Plan\n/);
        expect(info).toMatch(/Author:\s+Zoë\n/);
        expect(info).toMatch(/CreationDate:\s+2026-11-28T10:00:00(Z|\+00)/);
        expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
        expect(info).toMatch(/Tagged:\s+yes/);
        expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
      }),
    ));
});

describe('renderPdf watermark', () => {
  const mark = 'Downloaded by alice@example.com 2026-11-28T10:00Z';
  it('stamps the watermark on every page', async () => {
    const pages = pagesOf(await renderPdf(doc, { watermark: mark }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page).toContain(mark);
  });
  it('keeps the line without the diagonal copy when asked, and adds nothing without a watermark', async () => {
    const plain = pagesOf(await renderPdf(doc, { watermark: mark, watermarkDiagonal: false }));
    for (const page of plain) expect(page.split(mark).length - 1).toBe(1);
    expect(pagesOf(await renderPdf(doc)).join('')).not.toContain('Downloaded by');
  });
});

describe('renderPdf edge cases', () => {
  it('splits a row taller than a page across pages without losing text', async () => {
    const words = Array.from({ length: 2500 }, (_, i) => `w${i}`);
    const pages = pagesOf(
      await renderPdf({
        title: 'Huge',
        meta: { organisation: 'Acme', generatedAt: GENERATED },
        blocks: [
          {
            kind: 'table',
            columns: [
              { key: 'a', header: 'Key' },
              { key: 'b', header: 'Huge text', width: 4 },
            ],
            rows: [
              { a: 'k', b: words.join(' ') },
              { a: 'after', b: 'next row' },
            ],
          },
        ],
      }),
    );
    expect(pages.length).toBeGreaterThan(2);
    const found = new Set(pages.join(' ').match(/\bw\d+\b/g));
    expect(words.filter((w) => !found.has(w))).toEqual([]);
    expect(pages.at(-1)).toMatch(/after\s+next row/);
    for (const page of pages.slice(1)) expect(page).toMatch(/Key\s+Huge text/);
  });

  // Its speed (0.3 s here, 7 s before words were pre-broken) is a benchmark matter, not asserted.
  it('wraps a 30,000-character token completely', async () => {
    const token = `${'y'.repeat(30_000)}END`;
    const bytes = await renderPdf({
      title: 'Blob',
      meta: { organisation: 'Acme', generatedAt: GENERATED },
      blocks: [
        { kind: 'table', columns: [{ key: 'a', header: 'Encoded' }], rows: [{ a: token }] },
        { kind: 'paragraph', text: `${'z'.repeat(5000)}PEND` },
      ],
    });
    // No other text in this document has a 'y' or a 'z'.
    const text = pagesOf(bytes).join('');
    // The token continues across pages (under the repeated header), so count its letters instead.
    expect(text.match(/y/g)).toHaveLength(30_000);
    expect(text.match(/z/g)).toHaveLength(5000);
    expect(text).toMatch(/yEND/);
    expect(text).toMatch(/zPEND/);
  });

  it('breaks over-wide words into lines that fit, keeping every character', () => {
    const pdf = new PDFDocument({ size: 'A4' });
    registerFonts(pdf);
    const style = { size: 10 };
    const lines = layout(pdf, `short ${'0123456789abcdef'.repeat(40)} end`, 100, style);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100);
    expect(lines.length).toBeGreaterThan(5);
    const text = lines.map((l) => l.segments.map((s) => s.text).join('')).join('');
    expect(text).toBe(`short${'0123456789abcdef'.repeat(40)} end`);
    expect(layout(pdf, 'fits as is', 100, style)).toHaveLength(1);
  });

  it('renders legacy block spellings, page breaks and empty tables', async () => {
    const pages = pagesOf(
      await renderPdf({
        title: 'Legacy',
        meta: { organisation: 'Acme', generatedAt: GENERATED, certificateNumber: 'C-9' },
        blocks: [
          { kind: 'fields', items: [{ label: 'State', value: '' }] },
          { kind: 'list', items: ['legacy item'] },
          { kind: 'pageBreak' },
          { kind: 'table', title: 'Evidence index', columns: [{ key: 'x', header: 'File' }], rows: [] },
        ],
      }),
    );
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatch(/Certificate number\s+C-9/);
    expect(pages[0]).toMatch(/State\s+—/);
    expect(pages[0]).toContain('• legacy item');
    expect(pages[1]).toMatch(/Evidence index[\s\S]*File[\s\S]*No entries\./);
  });

  it('rejects a generation time that is not a timestamp', async () => {
    await expect(
      renderPdf({ title: 'x', meta: { organisation: 'Acme', generatedAt: 'yesterday' }, blocks: [] }),
    ).rejects.toThrow(/generatedAt is not an ISO 8601 timestamp/);
  });
});
