import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where evidence bytes live. Content-addressed by SHA-256 so that the hash shown in the Evidence of
 * Correction report is also the storage key: a stored file cannot change without its name changing.
 * Two drivers implement it: the filesystem (SQLite installs) and PostgreSQL (`postgres-content-store.ts`,
 * several instances on one database); an S3-compatible driver would implement the same five calls
 * (docs/decisions/0010-files-in-postgresql.md). Reads are verified: damaged bytes never pass silently.
 */
export interface ContentStore {
  readonly kind: 'filesystem' | 'postgres';
  put(bytes: Uint8Array): Promise<StoredContent>;
  /** Stores bytes as they arrive; never holds the whole file in memory. */
  putStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<StoredContent>;
  get(sha256: string): Promise<Buffer>;
  /** The stored bytes as a stream, checked against the hash; a mismatch fails the stream. */
  stream(sha256: string): Readable;
  has(sha256: string): Promise<boolean>;
  /** Every stored hash, for `closeloop storage migrate`. */
  list(): AsyncIterable<string>;
}

export interface StoredContent {
  sha256: string;
  size: number;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export class ContentIntegrityError extends Error {
  constructor(readonly sha256: string) {
    super(`stored file ${sha256} does not match its hash`);
    this.name = 'ContentIntegrityError';
  }
}

/** Collects a verified stream into one buffer (small files: PDFs to watermark, the CLI). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/**
 * The bytes of `file` as a stream that fails at the end when they do not hash to `sha256`. Made from a
 * generator, so nothing is read (and no error can be raised) before someone consumes it: a piped
 * transform read a small file at once and raised its mismatch with no listener yet, an uncaught
 * exception that ended the process (CI, `storage migrate` of a damaged file).
 */
function verifiedFile(file: string, sha256: string): Readable {
  async function* bytes() {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer);
      yield chunk as Buffer;
    }
    if (hash.digest('hex') !== sha256) throw new ContentIntegrityError(sha256);
  }
  return Readable.from(bytes(), { objectMode: false });
}

export function fileContentStore(root: string): ContentStore {
  const where = (sha: string) => {
    if (!SHA256_HEX.test(sha)) throw new Error('not a SHA-256 hex digest');
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  const exists = (file: string) =>
    fs.access(file).then(
      () => true,
      () => false,
    );
  const store: ContentStore = {
    kind: 'filesystem',
    put(bytes) {
      return store.putStream([bytes]);
    },
    async putStream(source) {
      await fs.mkdir(root, { recursive: true });
      // Write to a temporary name while hashing, then rename: a crash never leaves a partial file under
      // the final name, and the name is known only once every byte is in.
      const tmp = path.join(root, `.upload-${randomUUID()}.tmp`);
      const hash = createHash('sha256');
      let size = 0;
      try {
        await pipeline(
          Readable.from(source),
          new Transform({
            transform(chunk: Buffer, _enc, done) {
              hash.update(chunk);
              size += chunk.byteLength;
              done(null, chunk);
            },
          }),
          createWriteStream(tmp, { mode: 0o640 }),
        );
        const sha256 = hash.digest('hex');
        const file = where(sha256);
        if (await exists(file)) await fs.rm(tmp);
        else {
          await fs.mkdir(path.dirname(file), { recursive: true });
          await fs.rename(tmp, file);
        }
        return { sha256, size };
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
    },
    async get(sha256) {
      const bytes = await fs.readFile(where(sha256));
      if (createHash('sha256').update(bytes).digest('hex') !== sha256)
        throw new ContentIntegrityError(sha256);
      return bytes;
    },
    stream(sha256) {
      return verifiedFile(where(sha256), sha256);
    },
    has(sha256) {
      return exists(where(sha256));
    },
    async *list() {
      for (const a of await fs.readdir(root).catch(() => [] as string[])) {
        if (!/^[0-9a-f]{2}$/.test(a)) continue;
        for (const b of await fs.readdir(path.join(root, a))) {
          for (const name of await fs.readdir(path.join(root, a, b))) if (SHA256_HEX.test(name)) yield name;
        }
      }
    },
  };
  return store;
}
