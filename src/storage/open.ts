import path from 'node:path';
import type { DatabaseKind, Db } from '../db/connection.ts';
import { type ContentStore, fileContentStore } from './content-store.ts';
import { postgresContentStore } from './postgres-content-store.ts';

/** The evidence folder of the filesystem store, inside the data folder. */
export const fileStoreRoot = (dataDir: string) => path.join(dataDir, 'evidence');

/**
 * The file store that goes with the database: with PostgreSQL the files live in it, so every instance on
 * that database sees the same files; with SQLite they stay in the data folder beside the database file.
 */
export function openContentStore(database: { kind: DatabaseKind; db: Db }, dataDir: string): ContentStore {
  return database.kind === 'postgres'
    ? postgresContentStore(database.db)
    : fileContentStore(fileStoreRoot(dataDir));
}
