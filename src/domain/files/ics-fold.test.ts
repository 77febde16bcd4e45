import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldIcs } from './ics-fold.ts';

const bytes = (s: string) => new TextEncoder().encode(s).length;
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

describe('iCalendar line folding (RFC 5545 §3.1)', () => {
  it('folds at 75 octets, never inside a multi-byte character', () => {
    const line = `SUMMARY:${'Évaluation des vulnérabilités – contrôle A.8.8 € 漢字 '.repeat(6)}`;
    const folded = foldIcs(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`);
    for (const l of folded.split('\r\n')) expect(bytes(l)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`);
    expect(folded).not.toContain('\uFFFD');
  });
  it('keeps any text intact and every line within 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        const clean = `DESCRIPTION:${s.replace(/[\r\n]/g, '')}`;
        const folded = foldIcs(`${clean}\r\n`);
        expect(unfold(folded)).toBe(`${clean}\r\n`);
        for (const l of folded.split('\r\n')) expect(bytes(l)).toBeLessThanOrEqual(75);
      }),
      { numRuns: 300 },
    );
  });
});
