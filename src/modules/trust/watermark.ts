import { createRequire } from 'node:module';

// pdf-lib loads with the first stamped document, not at server start (#16).
const lazyRequire = createRequire(import.meta.url);
const pdfLib = () => lazyRequire('pdf-lib') as typeof import('pdf-lib');

import { toWinAnsi } from '../../reports/winansi.ts';

// Stamps a downloaded PDF with who took it and when (issue #8; decision 0003): a light diagonal line
// across each page and a footer line, both real text so that pdftotext and a leak investigation read
// the viewer's email. Encrypted or unreadable PDFs are refused when the level is set, not served bare.

export async function canStamp(bytes: Uint8Array): Promise<boolean> {
  try {
    const doc = await pdfLib().PDFDocument.load(bytes, { updateMetadata: false });
    return doc.getPageCount() > 0 && !doc.isEncrypted;
  } catch {
    return false;
  }
}

export async function stampPdf(bytes: Uint8Array, line: string): Promise<Buffer> {
  const { degrees, PDFDocument, rgb, StandardFonts } = pdfLib();
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const text = toWinAnsi(line);
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const diagonal = Math.hypot(width, height);
    const size = Math.max(8, Math.min(22, (diagonal * 0.8) / Math.max(1, font.widthOfTextAtSize(text, 1))));
    const angle = Math.atan2(height, width);
    const w = font.widthOfTextAtSize(text, size);
    page.drawText(text, {
      x: width / 2 - (Math.cos(angle) * w) / 2,
      y: height / 2 - (Math.sin(angle) * w) / 2,
      size,
      font,
      color: rgb(0.6, 0.6, 0.6),
      opacity: 0.3,
      rotate: degrees((angle * 180) / Math.PI),
    });
    page.drawText(text, { x: 24, y: 14, size: 7, font, color: rgb(0.35, 0.35, 0.35) });
  }
  return Buffer.from(await doc.save());
}
