import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '../db/connection.ts';
import { ContentIntegrityError, type ContentStore, readAll, SHA256_HEX } from './content-store.ts';
import * as repo from './file-chunks.repository.ts';

/** 256 KiB: large enough that a 25 MB file is 100 rows, small enough that memory stays flat. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Re-cuts arriving pieces of any size into CHUNK_BYTES chunks (the last may be shorter). Holds at most one
 * chunk plus one incoming piece in memory.
 */
export async function* rechunk(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size = CHUNK_BYTES,
): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const piece of source) {
    let buf = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (buf.byteLength > 0) {
      const take = Math.min(size - held, buf.byteLength);
      parts.push(buf.subarray(0, take));
      held += take;
      buf = buf.subarray(take);
      if (held === size) {
        yield Buffer.concat(parts, held);
        parts = [];
        held = 0;
      }
    }
  }
  if (held > 0) yield Buffer.concat(parts, held);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Files in PostgreSQL, for several instances on one database (issue #17). Writing streams chunk by chunk
 * into one transaction under a pending key and names the file by its hash at the end; reading fetches one
 * chunk per query, checks each chunk's own hash before passing its bytes on, and the whole file's hash and
 * size at the end.
 */
export function postgresContentStore(db: Db): ContentStore {
  const check = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 hex digest');
  };
  const store: ContentStore = {
    kind: 'postgres',
    put(bytes) {
      return store.putStream([bytes]);
    },
    putStream(source) {
      return db.transaction().execute(async (tx) => {
        const pending = `pending:${randomUUID()}`;
        const whole = createHash('sha256');
        let size = 0;
        let idx = 0;
        for await (const chunk of rechunk(source)) {
          whole.update(chunk);
          size += chunk.byteLength;
          await repo.insertChunk(tx, pending, idx++, sha(chunk), chunk);
        }
        const sha256 = whole.digest('hex');
        await repo.commitBlob(tx, pending, {
          sha256,
          size_bytes: size,
          chunk_count: idx,
          created_at: new Date().toISOString(),
        });
        return { sha256, size };
      });
    },
    async get(sha256) {
      return readAll(store.stream(sha256));
    },
    stream(sha256) {
      check(sha256);
      async function* chunks() {
        const blob = await repo.findBlob(db, sha256);
        if (!blob) throw Object.assign(new Error(`no stored file ${sha256}`), { code: 'ENOENT' });
        const whole = createHash('sha256');
        let size = 0;
        for (let idx = 0; idx < blob.chunk_count; idx++) {
          const row = await repo.readChunk(db, sha256, idx);
          if (!row || sha(row.data) !== row.chunk_sha256) throw new ContentIntegrityError(sha256);
          whole.update(row.data);
          size += row.data.byteLength;
          yield row.data;
        }
        if (size !== Number(blob.size_bytes) || whole.digest('hex') !== sha256)
          throw new ContentIntegrityError(sha256);
      }
      return Readable.from(chunks(), { objectMode: false, highWaterMark: CHUNK_BYTES });
    },
    async has(sha256) {
      check(sha256);
      return (await repo.findBlob(db, sha256)) !== undefined;
    },
    list() {
      return repo.blobHashes(db);
    },
  };
  return store;
}
