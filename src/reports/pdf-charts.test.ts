import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf.ts';

// Chart blocks keep their labels and values as text (what pdftotext, search and screen readers get).
describe('chart blocks in PDF reports', () => {
  it('draws bars and lines with their labels and values readable', async () => {
    const bytes = await renderPdf({
      title: 'Executive summary',
      meta: { organisation: 'Acme', generatedAt: '2026-11-29T10:00:00Z' },
      blocks: [
        {
          kind: 'bars',
          caption: 'Alignment by clause',
          max: 100,
          unit: ' %',
          items: [
            { label: '9 Performance evaluation', value: 98.3 },
            { label: 'Physical controls (7)', value: null },
          ],
        },
        {
          kind: 'lineChart',
          caption: 'Trend',
          labels: ['2026-11-09', '2026-11-29'],
          series: [{ label: 'Alignment (%)', max: 100, values: [67, 71.2] }],
        },
      ],
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-charts-'));
    const file = path.join(dir, 'c.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(text).toMatch(/9 Performance evaluation\s+98\.3 %/);
    expect(text).toMatch(/Physical controls \(7\)\s+n\/a/);
    expect(text).toMatch(/Alignment \(%\): 67 → 71\.2 \(scale 0.100\)/);
    expect(text).toContain('2026-11-09');
  });
});
