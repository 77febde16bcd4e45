import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { type ChainedEntry, chainEntry, GENESIS_HASH, verifyChain } from './chain.ts';

function build(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = chainEntry(
      {
        organisationId: 'org',
        seq: i,
        at: `2026-01-01T00:00:0${i % 10}Z`,
        actorId: 'u1',
        actorLabel: 'a@example.com',
        action: 'finding.update',
        entityType: 'finding',
        entityId: `f${i}`,
        data: { n: i, nested: { b: 2, a: [1, 'x'] } },
      },
      prev,
    );
    out.push(e);
    prev = e.hash;
  }
  return out;
}
const headOf = (c: ChainedEntry[]) => ({ seq: c.at(-1)!.seq, hash: c.at(-1)!.hash });

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
  it('is independent of key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
      }),
    );
  });
  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/NaN/);
  });
});

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    const c = build(5);
    expect(verifyChain(c, headOf(c))).toBeNull();
  });
  it('catches an altered entry and names it', () => {
    const c = build(5);
    c[2] = { ...c[2]!, data: { n: 999 } };
    expect(verifyChain(c, headOf(build(5)))).toEqual({ seq: 3, reason: 'content does not match its hash' });
  });
  it('catches an altered entry even when its hash was recomputed', () => {
    const c = build(5);
    const { hash: _h, prevHash, ...content } = c[1]!;
    const forged = chainEntry({ ...content, actorLabel: 'mallory' }, prevHash);
    c[1] = forged;
    expect(verifyChain(c, headOf(build(5)))?.seq).toBe(3);
  });
  it('catches a deleted entry in the middle and at the end', () => {
    const c = build(5);
    const head = headOf(c);
    expect(verifyChain([...c.slice(0, 2), ...c.slice(3)], head)?.seq).toBe(4);
    expect(verifyChain(c.slice(0, 4), head)).toEqual({
      seq: 5,
      reason: 'entries after 4 are missing (the chain head is at 5)',
    });
  });
  it('catches reordered entries', () => {
    const c = build(5);
    const swapped = [c[0]!, c[2]!, c[1]!, c[3]!, c[4]!];
    expect(verifyChain(swapped, headOf(c))?.seq).toBe(3);
  });
});
