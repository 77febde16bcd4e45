import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FALLBACK, toWinAnsi } from './winansi.ts';

describe('toWinAnsi', () => {
  it('keeps Latin-1 and the Windows-1252 punctuation unchanged', () => {
    const s = 'Société Générale d’Exemple – “Müller” €5 • Œuvre… ß ø ÿ Ÿ';
    expect(toWinAnsi(s)).toBe(s);
  });
  it('composes decomposed accents (NFC) instead of losing them', () => {
    expect(toWinAnsi('cafe\u0301')).toBe('café');
  });
  it('maps look-alikes, drops invisible characters and falls back to ? for the rest', () => {
    expect(toWinAnsi('a\u2011b \u2192 c \u2264 d')).toBe('a-b -> c <= d');
    expect(toWinAnsi('x\u200By\uFEFFz\u0007')).toBe('xyz');
    expect(toWinAnsi('Łódź Dvořák Őrség')).toBe('Lódz Dvorák Orség');
    expect(toWinAnsi('ok ✓ 漢字 😀')).toBe(`ok ${FALLBACK} ${FALLBACK}${FALLBACK} ${FALLBACK}`);
    expect(toWinAnsi('a\r\nb\rc\u2028d\te')).toBe('a\nb\nc\nd e');
  });
  it('always returns WinAnsi-only text, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        for (const ch of toWinAnsi(s)) {
          const c = ch.codePointAt(0)!;
          const latin1 = c === 10 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff);
          expect(latin1 || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(ch)).toBe(true);
        }
      }),
    );
  });
});
