// The one function of fontkit (pdfkit's font engine) that closeloop calls directly: glyph coverage.
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
