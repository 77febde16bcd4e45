import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentIntegrityError, fileContentStore, readAll } from './content-store.ts';

// A damaged or missing file must fail its reader, never the process: the verifying stream once read a
// small file at once and raised its mismatch before anyone listened (an uncaught exception in CI).
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-store-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('file content store', () => {
  const store = fileContentStore(root);

  it('serves stored bytes back, verified', async () => {
    const { sha256 } = await store.put(Buffer.from('evidence of correction'));
    expect((await readAll(store.stream(sha256))).toString()).toBe('evidence of correction');
  });

  it('raises a damaged file only to the reader, however long it waits to read', async () => {
    const { sha256 } = await store.put(Buffer.from('will be damaged'));
    fs.writeFileSync(path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), 'damaged');
    const stream = store.stream(sha256);
    await sleep(50); // the reader is busy elsewhere (a transaction to open, a reply to start)
    expect(stream.errored).toBeNull();
    await expect(readAll(stream)).rejects.toBeInstanceOf(ContentIntegrityError);
    await expect(store.get(sha256)).rejects.toBeInstanceOf(ContentIntegrityError);
  });

  it('raises a missing file only to the reader', async () => {
    const stream = store.stream('0'.repeat(64));
    await sleep(50);
    expect(stream.errored).toBeNull();
    await expect(readAll(stream)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
