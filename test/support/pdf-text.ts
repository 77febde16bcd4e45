import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Text of a PDF as pdftotext (poppler) reads it: what an auditor's tools will see. */
export function pdfText(bytes: Buffer, pages?: { first: number; last: number }): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-pdf-')), 'r.pdf');
  fs.writeFileSync(file, bytes);
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}
