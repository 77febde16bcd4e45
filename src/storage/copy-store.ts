import { createHash } from 'node:crypto';
import type { ContentStore } from './content-store.ts';

export interface CopyReport {
  copied: number;
  alreadyPresent: number;
  bytes: number;
  /** Files whose bytes did not match their name, at the source or after the copy: nothing is claimed for them. */
  failed: { sha256: string; reason: string }[];
}

/**
 * Copies every file of `from` into `to`, streamed, and verifies each one: the source bytes must hash to
 * their name, the target must store them under the same name, and reading them back from the target must
 * give that hash again. Idempotent: a file already in the target is verified, not copied twice.
 */
export async function copyStore(from: ContentStore, to: ContentStore): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, alreadyPresent: 0, bytes: 0, failed: [] };
  for await (const sha256 of from.list()) {
    try {
      if (await to.has(sha256)) report.alreadyPresent++;
      else {
        const stored = await to.putStream(from.stream(sha256));
        if (stored.sha256 !== sha256) throw new Error(`stored as ${stored.sha256}`);
        report.copied++;
      }
      const back = createHash('sha256');
      for await (const part of to.stream(sha256)) {
        back.update(part as Buffer);
        report.bytes += (part as Buffer).byteLength;
      }
      if (back.digest('hex') !== sha256) throw new Error('read back with another hash');
    } catch (err) {
      report.failed.push({ sha256, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return report;
}
