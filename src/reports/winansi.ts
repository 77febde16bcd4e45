// Text for the 14 standard PDF fonts (ISO 32000-1 §9.6.2.2), which pdfkit encodes with WinAnsiEncoding
// (ISO 32000-1 Annex D.2). pdfkit writes any code point outside that table as a wider hex code that turns
// into garbage glyphs, so every string is mapped into WinAnsi first: close look-alikes where one exists
// (‑ → -, → → ->, ő → o), nothing for invisible format characters, and '?' for everything else.

/** The code points of WinAnsiEncoding 0x80–0x9F (ISO 32000-1 Annex D.2, Windows-1252). */
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e,
  0x0178,
]);

/** Characters outside WinAnsi that have an obvious WinAnsi spelling. */
const LOOK_ALIKES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2043': '-',
  '\u2015': '—',
  '\u201b': '‘',
  '\u201f': '“',
  '\u2032': "'",
  '\u2033': '"',
  '\u2023': '•',
  '\u25cf': '•',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2116': 'No.',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\u2028': '\n',
  '\u2029': '\n',
  '\t': ' ',
};

/** The replacement for a character that WinAnsi cannot show and that has no look-alike. */
export const FALLBACK = '?';

const isWinAnsi = (c: number) =>
  c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(c);

/** Zero-width and format characters (ZWSP, ZWJ, word joiner, BOM, variation selectors): dropped. */
const isInvisible = (c: number) =>
  (c >= 0x200b && c <= 0x200f) ||
  c === 0x2060 ||
  c === 0xfeff ||
  (c >= 0xfe00 && c <= 0xfe0f) ||
  c < 0x20 ||
  (c >= 0x7f && c <= 0x9f);

/** Unicode spaces (en space … hair space, narrow no-break space, ideographic space) become a space. */
const isSpace = (c: number) => (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;

function mapChar(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  if (isWinAnsi(c)) return ch;
  const alike = LOOK_ALIKES[ch];
  if (alike !== undefined) return alike;
  if (isSpace(c)) return ' ';
  if (isInvisible(c)) return '';
  // Latin letters with a diacritic WinAnsi lacks (ő, ą, č, ș): keep the base letter (Unicode NFD).
  const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
  if (base.length === 1 && base !== ch && isWinAnsi(base.codePointAt(0) ?? 0)) return base;
  return FALLBACK;
}

/**
 * Maps text into WinAnsiEncoding so the standard fonts draw it faithfully. Line breaks become LF;
 * composed forms are used (NFC) so "e + combining acute" is the single WinAnsi "é".
 */
export function toWinAnsi(text: string): string {
  const nfc = text.normalize('NFC').replace(/\r\n?/g, '\n');
  let out = '';
  for (const ch of nfc) out += mapChar(ch);
  return out;
}
