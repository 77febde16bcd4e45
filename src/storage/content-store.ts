import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where evidence bytes live. Content-addressed by SHA-256 so that the hash shown in the Evidence of
 * Correction report is also the storage key: a stored file cannot change without its name changing.
 * The interface lets an object store replace the filesystem later.
 */
export interface ContentStore {
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

const HASH = /^[0-9a-f]{64}$/;

export function fileContentStore(root: string): ContentStore {
  const where = (sha: string) => {
    if (!HASH.test(sha)) throw new Error('not a SHA-256 hex digest');
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = where(sha256);
      try {
        await fs.access(file);
      } catch {
        await fs.mkdir(path.dirname(file), { recursive: true });
        // Write then rename: a crash never leaves a partial file under the final name.
        const tmp = `${file}.${randomUUID()}.tmp`;
        await fs.writeFile(tmp, bytes, { mode: 0o640 });
        await fs.rename(tmp, file);
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      const bytes = await fs.readFile(where(sha256));
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        throw new Error(`stored evidence ${sha256} does not match its hash`);
      }
      return bytes;
    },
    async has(sha256) {
      try {
        await fs.access(where(sha256));
        return true;
      } catch {
        return false;
      }
    },
  };
}
