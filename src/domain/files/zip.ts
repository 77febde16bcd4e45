// A minimal reader of a ZIP archive's central directory (APPNOTE.TXT §4.3.12, §4.3.16): the entry names
// and the sizes they declare, read without inflating anything. Office Open XML and OpenDocument files are
// ZIP archives; sniffing their type and bounding a decompression bomb both start here.

export interface ZipEntry {
  name: string;
  method: number;
  /** General purpose bit flag; bit 3: sizes and CRC follow the data in a data descriptor (§4.3.9). */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipError extends Error {}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/**
 * The entries of the central directory, or a ZipError when the archive is malformed or truncated. `bytes`
 * may be the archive's tail only (an upload staged on disk is sniffed from its last bytes): `base` is where
 * that tail starts in the file, and a directory that begins before it is refused like a truncated one.
 */
export function zipEntries(bytes: Uint8Array, maxEntries = 10_000, base = 0): ZipEntry[] {
  const v = view(bytes);
  const { at: eocdAbsolute, count, size, offset: absolute } = endOfCentralDirectory(bytes, base);
  const eocd = eocdAbsolute - base;
  if (count > maxEntries) throw new ZipError(`more than ${maxEntries} entries`);
  const offset = absolute - base;
  if (offset < 0) throw new ZipError('central directory outside the bytes read');
  if (offset + size > eocd) throw new ZipError('central directory out of bounds');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || v.getUint32(p, true) !== CENTRAL) throw new ZipError('bad central directory');
    const nameLength = v.getUint16(p + 28, true);
    const extraLength = v.getUint16(p + 30, true);
    const commentLength = v.getUint16(p + 32, true);
    if (p + 46 + nameLength > eocd) throw new ZipError('bad central directory');
    entries.push({
      flags: v.getUint16(p + 8, true),
      method: v.getUint16(p + 10, true),
      crc32: v.getUint32(p + 16, true),
      compressedSize: v.getUint32(p + 20, true),
      uncompressedSize: v.getUint32(p + 24, true),
      localHeaderOffset: v.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes a ZIP archive's end record (and its comment) can take: read this much of a file's end. */
export const ZIP_END_BYTES = 22 + 65_535;

/**
 * The end of central directory record (§4.3.16) in `bytes`, the archive's tail starting at `base`: where
 * it is, and the entry count, size and offset of the directory it declares (offsets in the whole file).
 */
export function endOfCentralDirectory(
  bytes: Uint8Array,
  base = 0,
): { at: number; count: number; size: number; offset: number } {
  const v = view(bytes);
  // The end record is within the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - ZIP_END_BYTES); i--) {
    if (v.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory');
  const count = v.getUint16(eocd + 10, true);
  const size = v.getUint32(eocd + 12, true);
  const offset = v.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('ZIP64 archives are not accepted');
  return { at: base + eocd, count, size, offset };
}

/** Where an entry's compressed bytes start, from its local header (§4.3.7): 30 bytes, name, extra field. */
export function localDataStart(header: Uint8Array, e: ZipEntry): number {
  if (header.length < 30) throw new ZipError('bad local header');
  const v = view(header);
  if (v.getUint32(0, true) !== LOCAL) throw new ZipError('bad local header');
  return e.localHeaderOffset + 30 + v.getUint16(26, true) + v.getUint16(28, true);
}

/** The compressed bytes of one entry (after its local header), bounds-checked. */
export function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const v = view(bytes);
  const at = e.localHeaderOffset;
  if (at + 30 > bytes.length || v.getUint32(at, true) !== LOCAL) throw new ZipError('bad local header');
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  if (start + e.compressedSize > bytes.length) throw new ZipError('entry out of bounds');
  return bytes.subarray(start, start + e.compressedSize);
}
