import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { FileBlobTable } from '../db/schema.ts';

// The SQL of the database file store (tables file_blob and file_chunk, migration 0012).

export const findBlob = (db: Db, sha256: string): Promise<FileBlobTable | undefined> =>
  db.selectFrom('file_blob').selectAll().where('sha256', '=', sha256).executeTakeFirst();

export const readChunk = (db: Db, sha256: string, idx: number) =>
  db
    .selectFrom('file_chunk')
    .select(['data', 'chunk_sha256'])
    .where('sha256', '=', sha256)
    .where('idx', '=', idx)
    .executeTakeFirst();

export async function insertChunk(db: Db, key: string, idx: number, chunkSha256: string, data: Buffer) {
  await db.insertInto('file_chunk').values({ sha256: key, idx, chunk_sha256: chunkSha256, data }).execute();
}

/**
 * Turns the chunks written under `pendingKey` into the file `sha256`, inside the caller's transaction.
 * Two uploads of the same bytes meet at a transaction-scoped advisory lock on the hash: the second finds
 * the file present and drops its own copy.
 */
export async function commitBlob(db: Db, pendingKey: string, blob: FileBlobTable): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${blob.sha256}, 0))`.execute(db);
  if (await findBlob(db, blob.sha256)) {
    await db.deleteFrom('file_chunk').where('sha256', '=', pendingKey).execute();
    return;
  }
  await db.updateTable('file_chunk').set({ sha256: blob.sha256 }).where('sha256', '=', pendingKey).execute();
  await db.insertInto('file_blob').values(blob).execute();
}

export async function* blobHashes(db: Db, pageSize = 500): AsyncGenerator<string> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('file_blob')
      .select('sha256')
      .where('sha256', '>', after)
      .orderBy('sha256')
      .limit(pageSize)
      .execute();
    for (const r of rows) yield r.sha256;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.sha256;
  }
}
