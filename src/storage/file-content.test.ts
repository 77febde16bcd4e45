import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { sniffContent } from '../domain/files/sniff.ts';
import { readAll } from './content-store.ts';
import { stageStream } from './file-content.ts';

// An upload staged on disk is typed from its head, its tail and a UTF-8 check made as it arrived (#17).
const pieces = (b: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size)),
  );

async function docx(padding: Buffer): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('<Types/>'), '[Content_Types].xml');
  zip.addBuffer(padding, 'word/media/image1.bin', { compress: false });
  zip.addBuffer(Buffer.from('<w:document/>'), 'word/document.xml');
  zip.end();
  return readAll(zip.outputStream as Readable);
}

describe('staged uploads', () => {
  it('types a Word document whose directory lies beyond the head, from the tail alone', async () => {
    const bytes = await docx(randomBytes(3 * 1024 * 1024));
    const staged = await stageStream(pieces(bytes, 65_536));
    try {
      expect(staged.size).toBe(bytes.length);
      expect(staged.sniff.tailOffset).toBeGreaterThan(0);
      expect(sniffContent(staged.sniff, 'report.docx')?.extension).toBe('docx');
      expect(Buffer.compare(await readAll(Readable.from(staged.open())), bytes)).toBe(0);
    } finally {
      await staged.discard();
    }
  });

  it('keeps text that splits a character across chunks as text, and refuses a NUL anywhere', async () => {
    const text = Buffer.from('Zażółć gęślą jaźń → ≤ ≥ ✓ 日本語\n'.repeat(5000));
    const asText = await stageStream(pieces(text, 7)); // 7-byte pieces split multi-byte characters
    expect(asText.sniff.utf8Text).toBe(true);
    expect(sniffContent(asText.sniff, 'notes.md')?.mediaType).toBe('text/markdown');
    await asText.discard();
    const withNul = Buffer.concat([text, Buffer.from([0]), text]);
    const binary = await stageStream(pieces(withNul, 4096));
    expect(binary.sniff.utf8Text).toBe(false);
    expect(sniffContent(binary.sniff, 'notes.md')).toBeNull();
    await binary.discard();
  });
});
