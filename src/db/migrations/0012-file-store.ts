import type { Kysely } from 'kysely';
import { columnTypes } from './types.ts';

// Content-addressed file storage in the database (issue #17): one row per file, its bytes in 256 KiB
// chunks keyed by (file SHA-256, index), each chunk with its own SHA-256. Used with PostgreSQL; on SQLite
// the tables exist (one migration set for both engines) and stay empty.
export async function up(db: Kysely<unknown>): Promise<void> {
  const { postgres } = columnTypes(db);
  await db.schema
    .createTable('file_blob')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('chunk_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('file_chunk')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('chunk_sha256', 'text', (c) => c.notNull())
    .addColumn('data', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('file_chunk_pk', ['sha256', 'idx'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('file_chunk').execute();
  await db.schema.dropTable('file_blob').execute();
}
