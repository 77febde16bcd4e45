import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { ContentIntegrityError, fileContentStore, readAll } from '../../src/storage/content-store.ts';
import { CHUNK_BYTES, postgresContentStore, rechunk } from '../../src/storage/postgres-content-store.ts';
import { cli } from '../support/cli.ts';
import {
  type Client,
  freshDatabase,
  hasKind,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';
import { upload } from '../support/multipart.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = (body: Buffer) => Buffer.concat([Buffer.from('%PDF-1.4\n'), body, Buffer.from('\n%%EOF\n')]);

describe('rechunk', () => {
  it('cuts pieces of any size into chunks of at most CHUNK_BYTES, losing nothing', async () => {
    const pieces = [1, CHUNK_BYTES - 1, 3, 2 * CHUNK_BYTES + 5, 0, 7].map((n) => randomBytes(n));
    const out: Buffer[] = [];
    for await (const c of rechunk(pieces)) out.push(c);
    expect(out.every((c) => c.byteLength <= CHUNK_BYTES && c.byteLength > 0)).toBe(true);
    expect(out.slice(0, -1).every((c) => c.byteLength === CHUNK_BYTES)).toBe(true);
    expect(Buffer.concat(out).equals(Buffer.concat(pieces))).toBe(true);
  });
});

describe.runIf(hasKind('postgres'))('files in PostgreSQL', () => {
  let t: TestApp;
  let admin: Client;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp('postgres');
    admin = await setupAdmin(t, 'acme', 'admin@acme.test');
    await admin.post('/api/v1/orgs/acme/audits', {
      ref: 'S2-2026',
      type: 'stage2',
      certificationBody: 'Certa Assurance',
      leadAuditor: 'Claire Dubois',
      reportReceivedOn: '2026-03-02',
      recommendation: 'recommended_upon_action_plan',
      policyKey: 'fast-14-30-60',
    });
    const f = await admin.post('/api/v1/orgs/acme/audits/S2-2026/findings', {
      ref: 'NC-01',
      grade: 'minor',
      requirements: ['A.8.8'],
      statement: 'Patches are late.',
      objectiveEvidence: 'Scanner report.',
      area: 'Vulnerability management',
    });
    expect(f.statusCode).toBe(201);
    base = `/api/v1/orgs/acme/findings/${f.json().id}`;
  });
  afterAll(async () => t?.close());

  const chunkRows = (hash: string) =>
    t.rt.database.db.selectFrom('file_chunk').select(['idx']).where('sha256', '=', hash).execute();

  it('evidence uploaded through the API lives in the database and downloads byte-identical', async () => {
    const bytes = pdf(randomBytes(3 * CHUNK_BYTES + 1234));
    const up = await upload(admin, `${base}/evidence`, 'scan.pdf', bytes, { attachedTo: 'finding' });
    expect(up.statusCode).toBe(201);
    expect(up.json().sha256).toBe(sha(bytes));
    expect(await chunkRows(sha(bytes))).toHaveLength(4);
    // Nothing on this instance's disk: another instance on the same database serves the same file.
    expect(fs.existsSync(path.join(t.rt.config.dataDir, 'evidence'))).toBe(false);
    const down = await admin.get(`${base}/evidence/${up.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(bytes)).toBe(true);
    expect(down.headers['content-length']).toBe(String(bytes.length));
  });

  it('a corrupted chunk fails the download instead of serving damaged evidence', async () => {
    const bytes = pdf(randomBytes(2 * CHUNK_BYTES));
    const up = await upload(admin, `${base}/evidence`, 'tampered.pdf', bytes, { attachedTo: 'finding' });
    const hash = up.json().sha256 as string;
    await t.rt.database.db
      .updateTable('file_chunk')
      .set({ data: Buffer.from('not the original bytes') })
      .where('sha256', '=', hash)
      .where('idx', '=', 0)
      .execute();
    const down = await admin.get(`${base}/evidence/${up.json().id}`);
    expect(down.statusCode).toBe(500);
    expect(down.rawPayload.includes(bytes.subarray(0, 64))).toBe(false);
    // A chunk further in: the store refuses it before passing its bytes on.
    const store = postgresContentStore(t.rt.database.db);
    const other = await store.put(randomBytes(2 * CHUNK_BYTES + 10));
    await t.rt.database.db
      .updateTable('file_chunk')
      .set({ data: randomBytes(CHUNK_BYTES) })
      .where('sha256', '=', other.sha256)
      .where('idx', '=', 1)
      .execute();
    await expect(readAll(store.stream(other.sha256))).rejects.toBeInstanceOf(ContentIntegrityError);
  });

  // Writes and reads 25 MB through PostgreSQL.
  it('a 25 MB file goes in and out in 256 KiB chunks: never one buffer of the whole file', async () => {
    const store = postgresContentStore(t.rt.database.db);
    const total = 25 * 1024 * 1024;
    const piece = 64 * 1024;
    const whole = createHash('sha256');
    let produced = 0;
    let maxAhead = 0;
    let stored = 0;
    // A lazy source: each 64 KiB piece is made only when the store asks for it.
    async function* source() {
      for (let i = 0; i < total / piece; i++) {
        const b = Buffer.alloc(piece, i % 251);
        whole.update(b);
        produced += b.byteLength;
        maxAhead = Math.max(maxAhead, produced - stored);
        yield b;
      }
    }
    const counting = async function* () {
      for await (const c of rechunk(source())) {
        stored += c.byteLength;
        yield c;
      }
    };
    const result = await store.putStream(counting());
    const hash = whole.digest('hex');
    expect(result).toEqual({ sha256: hash, size: total });
    // The store pulled the source as it wrote: never more than one chunk plus one piece ahead.
    expect(maxAhead).toBeLessThanOrEqual(CHUNK_BYTES + piece);
    expect(await chunkRows(hash)).toHaveLength(total / CHUNK_BYTES);
    const back = createHash('sha256');
    let largest = 0;
    for await (const part of store.stream(hash)) {
      largest = Math.max(largest, (part as Buffer).byteLength);
      back.update(part as Buffer);
    }
    expect(back.digest('hex')).toBe(hash);
    expect(largest).toBeLessThanOrEqual(CHUNK_BYTES);
  }, 60_000);
});

describe.runIf(hasKind('postgres'))('closeloop storage migrate --to postgres', () => {
  // Starts three CLI processes.
  it('moves a file store into the database, verifies every hash, and refuses damaged files', async () => {
    const db = await freshDatabase('postgres');
    const files = fileContentStore(path.join(db.dataDir, 'evidence'));
    const good = [randomBytes(10), randomBytes(CHUNK_BYTES * 2 + 3), Buffer.from('third')];
    const hashes = [];
    for (const b of good) hashes.push((await files.put(b)).sha256);
    const env = { DATABASE_URL: db.databaseUrl!, CLOSELOOP_DATA_DIR: db.dataDir };
    const first = await cli(['storage', 'migrate', '--to', 'postgres'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^copied 3 file\(s\), 0 already present/);
    const h = openDatabase(db);
    try {
      await migrateToLatest(h.db);
      const store = postgresContentStore(h.db);
      for (const [i, hash] of hashes.entries()) expect((await store.get(hash!)).equals(good[i]!)).toBe(true);
      // Again: nothing copied twice, everything verified again.
      const again = await cli(['storage', 'migrate', '--to', 'postgres'], env);
      expect(again.stdout).toMatch(/^copied 0 file\(s\), 3 already present/);
      // A file damaged on disk is reported and not copied; the exit code says so.
      const bad = (await files.put(Buffer.from('will be damaged'))).sha256;
      const file = path.join(db.dataDir, 'evidence', bad.slice(0, 2), bad.slice(2, 4), bad);
      fs.writeFileSync(file, 'damaged');
      const third = await cli(['storage', 'migrate', '--to', 'postgres'], env);
      expect(third.code).toBe(1);
      expect(third.stderr).toContain(bad);
      expect(await store.has(bad)).toBe(false);
    } finally {
      await h.close();
    }
  }, 120_000);

  // Starts a CLI process.
  it('refuses without a PostgreSQL target', async () => {
    const db = await freshDatabase('sqlite');
    const r = await cli(['storage', 'migrate', '--to', 'postgres'], { CLOSELOOP_DATA_DIR: db.dataDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DATABASE_URL');
  }, 30_000);
});
