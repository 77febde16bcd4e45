import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

// A per-organisation hash chain (ISO 27001 A.8.15 logging, A.5.28 collection of evidence): each entry's
// hash is SHA-256 over the canonical JSON of its content and the previous entry's hash, so altering,
// deleting or reordering any entry breaks every hash after it.

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainContent {
  organisationId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
}

export interface ChainedEntry extends ChainContent {
  prevHash: string;
  hash: string;
}

export function hashEntry(content: ChainContent, prevHash: string): string {
  return createHash('sha256')
    .update(canonicalJson({ ...content, prevHash }))
    .digest('hex');
}

export function chainEntry(content: ChainContent, prevHash: string): ChainedEntry {
  return { ...content, prevHash, hash: hashEntry(content, prevHash) };
}

export type ChainBreak = { seq: number; reason: string };

/**
 * Checks entries one at a time, in storage order, so that a long trail can be streamed. `finish` takes
 * the last sequence number and hash recorded separately (the head), so removing entries from the end is
 * caught too. After the first break, later entries are not examined.
 */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private expectedSeq = 1;
  private lastSeq = 0;
  broken: ChainBreak | null = null;
  count = 0;

  push(e: ChainedEntry): void {
    if (this.broken) return;
    this.count += 1;
    if (e.seq !== this.expectedSeq) {
      this.broken = {
        seq: e.seq,
        reason:
          e.seq > this.expectedSeq
            ? `entry ${this.expectedSeq} is missing (found ${e.seq} next)`
            : `entry ${e.seq} is out of order (expected ${this.expectedSeq})`,
      };
      return;
    }
    if (e.prevHash !== this.prevHash) {
      this.broken = { seq: e.seq, reason: 'previous-hash link does not match the entry before it' };
      return;
    }
    const { prevHash: _p, hash, ...content } = e;
    if (hashEntry(content, e.prevHash) !== hash) {
      this.broken = { seq: e.seq, reason: 'content does not match its hash' };
      return;
    }
    this.prevHash = hash;
    this.lastSeq = e.seq;
    this.expectedSeq += 1;
  }

  finish(head: { seq: number; hash: string } | null): ChainBreak | null {
    if (this.broken) return this.broken;
    if (head && (head.seq !== this.lastSeq || head.hash !== this.prevHash)) {
      this.broken = {
        seq: this.lastSeq + 1,
        reason: `entries after ${this.lastSeq} are missing (the chain head is at ${head.seq})`,
      };
    }
    return this.broken;
  }
}

export function verifyChain(
  entries: ChainedEntry[],
  head: { seq: number; hash: string } | null,
): ChainBreak | null {
  const v = new ChainVerifier();
  for (const e of entries) v.push(e);
  return v.finish(head);
}
