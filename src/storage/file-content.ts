import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isUtf8Text, SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES, type SniffInput } from '../domain/files/sniff.ts';

/**
 * An uploaded file as the use-cases take it: its size, what type sniffing needs, and its bytes as a
 * stream for the content store. Either a buffer (the CLI, the demo, small files) or an upload staged on
 * disk as it arrived (issue #17: a 25 MB file never sits whole in memory on its way to the store).
 */
export interface FileContent {
  size: number;
  sniff: SniffInput;
  open(): AsyncIterable<Uint8Array>;
  /** Up to `length` bytes from `position` (fewer at the end): a workbook's directory is read from its end. */
  readAt(position: number, length: number): Promise<Buffer>;
}

export function bufferContent(bytes: Buffer): FileContent {
  return {
    size: bytes.byteLength,
    sniff: { head: bytes, tail: bytes, tailOffset: 0, utf8Text: isUtf8Text(bytes) },
    open: () => [bytes] as unknown as AsyncIterable<Uint8Array>,
    readAt: async (position, length) => bytes.subarray(position, position + Math.max(0, length)),
  };
}

async function readFileAt(file: string, position: number, length: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(Math.max(0, length));
    const { bytesRead } = await handle.read(buf, 0, buf.byteLength, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A file written to a private temporary folder as it arrived; `discard` removes it. */
export interface StagedFile extends FileContent {
  discard(): Promise<void>;
}

/**
 * Writes a stream to a temporary file while checking, chunk by chunk, that it is UTF-8 text without NUL
 * (a decoder in streaming mode), then reads back its first and last bytes for type sniffing. Memory
 * stays at a few chunks whatever the size; the caller bounds the size (the multipart limit).
 */
export async function stageStream(source: Readable): Promise<StagedFile> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'closeloop-upload-'));
  const file = path.join(dir, 'upload');
  const discard = () => fs.rm(dir, { recursive: true, force: true });
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let utf8Text = true;
    let size = 0;
    const inspect = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.byteLength;
        if (utf8Text) {
          try {
            if (chunk.includes(0)) utf8Text = false;
            else decoder.decode(chunk, { stream: true });
          } catch {
            utf8Text = false;
          }
        }
        done(null, chunk);
      },
    });
    await pipeline(source, inspect, createWriteStream(file, { mode: 0o600 }));
    if (utf8Text) {
      try {
        decoder.decode();
      } catch {
        utf8Text = false;
      }
    }
    const read = (at: number, length: number) => readFileAt(file, at, Math.min(length, size - at));
    const tailOffset = Math.max(0, size - SNIFF_TAIL_BYTES);
    const sniff: SniffInput = {
      head: await read(0, SNIFF_HEAD_BYTES),
      tail: await read(tailOffset, size - tailOffset),
      tailOffset,
      utf8Text,
    };
    return { size, sniff, open: () => createReadStream(file), readAt: read, discard };
  } catch (err) {
    await discard();
    throw err;
  }
}
