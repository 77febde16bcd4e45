// Evidence uploads are typed from their bytes, never from the name or the Content-Type the client
// sent (OWASP File Upload Cheat Sheet): a file is accepted only if its signature matches an allowed type.

import { ZipError, zipEntries } from './zip.ts';

export interface SniffedType {
  mediaType: string;
  extension: string;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
// latin1 maps every byte to one character; no spread into String.fromCharCode, whose argument count is
// bounded by the call stack (a 123 KB workbook overflowed it, issue #18).
const ascii = (b: Uint8Array, from: number, to: number) =>
  new TextDecoder('latin1').decode(b.subarray(from, Math.min(to, b.length)));

/**
 * What type sniffing reads of a file: its first bytes, its last bytes (where a ZIP archive keeps its
 * directory) with the offset they start at, and whether the whole file is UTF-8 text without NUL. An
 * upload staged on disk provides these without the file ever being in memory whole (issue #17).
 */
export interface SniffInput {
  head: Uint8Array;
  tail: Uint8Array;
  tailOffset: number;
  utf8Text: boolean;
}

/** How much of a file's start and end sniffing reads: the ZIP end record and a large directory fit. */
export const SNIFF_HEAD_BYTES = 64 * 1024;
export const SNIFF_TAIL_BYTES = 2 * 1024 * 1024;

/** Office Open XML and OpenDocument files are ZIP archives; the first entries tell which one. */
function sniffZip(input: SniffInput): SniffedType | null {
  const head = ascii(input.head, 0, Math.min(input.head.length, 4096));
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text'))
    return { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt' };
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))
    return { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' };
  let names: string[];
  try {
    names = zipEntries(input.tail, 10_000, input.tailOffset).map((e) => e.name);
  } catch (err) {
    if (err instanceof ZipError) return null;
    throw err;
  }
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (!names.includes('[Content_Types].xml')) return null;
  if (has('word/'))
    return {
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
    };
  if (has('xl/'))
    return {
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    };
  if (has('ppt/'))
    return {
      mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      extension: 'pptx',
    };
  return null;
}

/** Whole-file UTF-8 check for bytes in memory; a staged upload runs the same check as its bytes arrive. */
export function isUtf8Text(b: Uint8Array): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

export function sniffType(bytes: Uint8Array, fileName: string): SniffedType | null {
  return sniffContent({ head: bytes, tail: bytes, tailOffset: 0, utf8Text: isUtf8Text(bytes) }, fileName);
}

export function sniffContent(input: SniffInput, fileName: string): SniffedType | null {
  const bytes = input.head;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return { mediaType: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mediaType: 'image/png', extension: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', extension: 'jpg' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')
    return { mediaType: 'image/gif', extension: 'gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
    return { mediaType: 'image/webp', extension: 'webp' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(input);
  if (!input.utf8Text) return null;
  // Text has no signature: the extension picks among the text types we accept, defaulting to plain text.
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'csv') return { mediaType: 'text/csv', extension: 'csv' };
  if (ext === 'md') return { mediaType: 'text/markdown', extension: 'md' };
  if (ext === 'json') return { mediaType: 'application/json', extension: 'json' };
  if (ext === 'log') return { mediaType: 'text/plain', extension: 'log' };
  return { mediaType: 'text/plain', extension: 'txt' };
}

export const acceptedTypesDescription =
  'PDF, PNG, JPEG, GIF, WebP, Word/Excel/PowerPoint (OOXML), OpenDocument text/spreadsheet, UTF-8 text, CSV, Markdown, JSON';

/** A safe download name: no path, no control characters, bounded length (RFC 6266 filename). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned.length > 0 ? cleaned : 'file';
}
