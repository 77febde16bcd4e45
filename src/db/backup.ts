import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { fileContentStore } from '../storage/content-store.ts';
import { fileStoreRoot } from '../storage/open.ts';
import { openSqlite } from './connection.ts';
import { assertNotNewer, migrateToLatest, migrationLevel } from './migrate.ts';

// `closeloop backup` / `closeloop restore` for a SQLite install (issue #17): one ZIP with a consistent
// online copy of the database (VACUUM INTO: readers and writers go on meanwhile), the instance secret and
// every stored file under its SHA-256. PostgreSQL installs back up with pg_dump, the files being inside the
// database (docs/guide/operations.md).

export const BACKUP_FORMAT = 'closeloop-backup/1';
const DB_ENTRY = 'closeloop.db';
const SECRET_ENTRY = 'secret.key';
const FILE_PREFIX = 'files/';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  version: string;
  migration: string;
  databaseSha256: string;
  files: number;
}

const sha256Of = async (file: string) => {
  const h = createHash('sha256');
  for await (const part of createReadStream(file)) h.update(part as Buffer);
  return h.digest('hex');
};

export async function backupSqlite(dataDir: string, out: string, version: string): Promise<BackupManifest> {
  const dbFile = path.join(dataDir, 'closeloop.db');
  if (!existsSync(dbFile)) throw new BackupError(`no database in ${dataDir} (closeloop.db)`);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'closeloop-backup-'));
  const handle = openSqlite(dbFile);
  try {
    const copy = path.join(work, DB_ENTRY);
    await sql`VACUUM INTO ${copy}`.execute(handle.db);
    const level = await migrationLevel(handle.db);
    const zip = new yazl.ZipFile();
    const done = pipeline(zip.outputStream as Readable, createWriteStream(out, { flags: 'wx' }));
    zip.addFile(copy, DB_ENTRY);
    const secret = path.join(dataDir, 'secret.key');
    if (existsSync(secret)) zip.addFile(secret, SECRET_ENTRY, { mode: 0o100600 });
    const store = fileContentStore(fileStoreRoot(dataDir));
    let files = 0;
    for await (const sha of store.list()) {
      zip.addReadStream(store.stream(sha), `${FILE_PREFIX}${sha}`);
      files++;
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      version,
      migration: level.current ?? '',
      databaseSha256: await sha256Of(copy),
      files,
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
    zip.end();
    await done;
    return manifest;
  } finally {
    await handle.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

export class BackupError extends Error {}

type Entry = yauzl.Entry;
const openZip = (file: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, strictFileNames: true }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    ),
  );
const entryStream = (zip: yauzl.ZipFile, entry: Entry) =>
  new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
  );

/** Restores a backup into an empty data folder, verifying every hash; then migrates to this version. */
export async function restoreSqlite(from: string, dataDir: string, serverSecret?: string) {
  const dbFile = path.join(dataDir, 'closeloop.db');
  if (existsSync(dbFile))
    throw new BackupError(`${dataDir} already holds a database: restore into an empty folder`);
  await fs.mkdir(dataDir, { recursive: true });
  const store = fileContentStore(fileStoreRoot(dataDir));
  const zip = await openZip(from);
  const staged = `${dbFile}.restoring`;
  let manifest: BackupManifest | undefined;
  let files = 0;
  const read = new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: Entry) => {
      const step = async () => {
        const name = entry.fileName;
        const stream = await entryStream(zip, entry);
        if (name === 'manifest.json') {
          const chunks: Buffer[] = [];
          for await (const c of stream) chunks.push(c as Buffer);
          manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupManifest;
        } else if (name === DB_ENTRY) {
          await pipeline(stream, createWriteStream(staged, { flags: 'wx' }));
        } else if (name === SECRET_ENTRY) {
          await pipeline(
            stream,
            createWriteStream(path.join(dataDir, 'secret.key'), { flags: 'wx', mode: 0o600 }),
          );
        } else if (name.startsWith(FILE_PREFIX)) {
          const stored = await store.putStream(stream);
          if (stored.sha256 !== name.slice(FILE_PREFIX.length))
            throw new BackupError(`${name}: bytes do not match their hash`);
          files++;
        } else throw new BackupError(`unexpected entry '${name}': not a closeloop backup`);
      };
      step().then(() => zip.readEntry(), reject);
    });
    zip.readEntry();
  });
  // A restore that stops half way leaves no database behind (a later attempt starts clean).
  await read.catch(async (err) => {
    zip.close();
    await fs.rm(staged, { force: true });
    throw err;
  });
  if (manifest?.format !== BACKUP_FORMAT)
    throw new BackupError('no closeloop-backup/1 manifest: not a closeloop backup');
  if (!existsSync(staged)) throw new BackupError('the backup holds no database');
  if ((await sha256Of(staged)) !== manifest.databaseSha256)
    throw new BackupError('the database copy does not match its hash');
  if (files !== manifest.files)
    throw new BackupError(`the backup lists ${manifest.files} files but holds ${files}`);
  await fs.rename(staged, dbFile);
  const handle = openSqlite(dbFile);
  try {
    await assertNotNewer(handle.db);
    // The key that seals SSO secrets (migration 0023): CLOSELOOP_SECRET, else the restored secret.key.
    const keyFile = path.join(dataDir, 'secret.key');
    const key = serverSecret ?? (existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : undefined);
    const applied = await migrateToLatest(handle.db, { serverSecret: key });
    return { manifest, files, migrated: applied };
  } finally {
    await handle.close();
  }
}
