// Files stored in the database (migration 0012, issue #17): with DATABASE_URL, evidence, certificate
// files and trust documents live here content-addressed, in chunks, so every instance reads the same
// bytes. On SQLite the tables exist but stay empty (the filesystem store serves).

export interface FileBlobTable {
  /** SHA-256 of the whole file, hex: the same key the filesystem store uses. */
  sha256: string;
  size_bytes: number | string;
  chunk_count: number;
  created_at: string;
}

export interface FileChunkTable {
  /** The file's SHA-256 (or `pending:<uuid>` while an upload is being written, inside its transaction). */
  sha256: string;
  idx: number;
  /** SHA-256 of this chunk alone: a damaged chunk is refused before any of its bytes are sent. */
  chunk_sha256: string;
  data: Buffer;
}

export interface StorageTables {
  file_blob: FileBlobTable;
  file_chunk: FileChunkTable;
}
