// The fonts every PDF embeds (pdfkit subsets them, so a report carries only the glyphs it uses) and the
// choice of font for each run of text: DejaVu Sans first (Latin with Extended-A/B and Vietnamese, Greek,
// Cyrillic, Hebrew and Arabic letters, arrows, ≤ ≥, ✓, €), then Noto Sans JP, SC and KR for Japanese, Chinese
// and Korean, Noto Sans Devanagari and Thai (shaped by fontkit), and Noto Emoji (monochrome). The choice
// is made per character and consecutive characters of one font form a run, so a Polish sentence with a
// Japanese name in it keeps both. See docs/decisions/0009-report-fonts.md for sources and licences.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

export type FontFace = 'regular' | 'bold';

interface FontFile {
  /** Name the font is registered under in each PDF document. */
  name: string;
  path: string;
}

const require = createRequire(import.meta.url);
// fontkit loads with the first PDF that needs a fallback font, not at server start (#16).
const fontkit = () => require('fontkit') as typeof Fontkit;
const local = (file: string) => new URL(`./fonts/${file}`, import.meta.url).pathname;
const noto = (pkg: string, file: string) => require.resolve(`@expo-google-fonts/${pkg}/400Regular/${file}`);

const PRIMARY: Record<FontFace, FontFile> = {
  regular: { name: 'body', path: local('DejaVuSans.ttf') },
  bold: { name: 'body-bold', path: local('DejaVuSans-Bold.ttf') },
};

/** Fallbacks in order; bold runs use the same regular-weight CJK faces (no synthetic bold). */
const FALLBACKS: FontFile[] = [
  { name: 'cjk-jp', path: noto('noto-sans-jp', 'NotoSansJP_400Regular.ttf') },
  { name: 'cjk-sc', path: noto('noto-sans-sc', 'NotoSansSC_400Regular.ttf') },
  { name: 'cjk-kr', path: noto('noto-sans-kr', 'NotoSansKR_400Regular.ttf') },
  { name: 'devanagari', path: noto('noto-sans-devanagari', 'NotoSansDevanagari_400Regular.ttf') },
  { name: 'thai', path: noto('noto-sans-thai', 'NotoSansThai_400Regular.ttf') },
  {
    name: 'emoji',
    path: require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'),
  },
];

type Coverage = Fontkit.Font;
const coverage = new Map<string, Coverage>();
function covers(file: FontFile, cp: number): boolean {
  let font = coverage.get(file.path);
  if (!font) {
    font = fontkit().create(readFileSync(file.path));
    coverage.set(file.path, font);
  }
  return font.hasGlyphForCodePoint(cp);
}

/** Registers every font under its name; pdfkit reads a file only when a run first uses it. */
export function registerFonts(pdf: PDFKit.PDFDocument): void {
  for (const f of [PRIMARY.regular, PRIMARY.bold, ...FALLBACKS]) pdf.registerFont(f.name, f.path);
}

export interface Run {
  font: string;
  text: string;
}

// Characters that never decide a font: spaces and combining marks take the font of their run.
const NEUTRAL = /[\s\p{M}]/u;
const fontCache = new Map<string, string>();

function fontFor(ch: string, face: FontFace): string {
  const key = `${face}:${ch}`;
  const cached = fontCache.get(key);
  if (cached) return cached;
  const cp = ch.codePointAt(0)!;
  const primary = PRIMARY[face];
  let chosen = primary.name;
  if (!covers(primary, cp)) chosen = FALLBACKS.find((f) => covers(f, cp))?.name ?? primary.name;
  if (fontCache.size < 20_000) fontCache.set(key, chosen);
  return chosen;
}

/** Splits text into runs of one font each, in reading order; their texts joined give the text back. */
export function fontRuns(text: string, face: FontFace): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const last = runs[runs.length - 1];
    const font = last && NEUTRAL.test(ch) ? last.font : fontFor(ch, face);
    if (last && last.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}

export const primaryFont = (face: FontFace) => PRIMARY[face].name;
