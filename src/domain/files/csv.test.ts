import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, CsvReader, csvField, parseCsv, toCsv } from './csv.ts';

describe('CSV (RFC 4180)', () => {
  it('parses quoted fields with commas, quotes and line breaks, CRLF or LF, and a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi""\nthere"\nlast,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['last', ''],
    ]);
  });
  it('names the line and column of a broken quote', () => {
    expect(() => parseCsv('a,b\n"open,x\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\nx,"y"z\n')).toThrow('line 2, column 2: a closing quote must end the field');
    expect(() => parseCsv('a,b"c\n')).toThrow('line 1, column 2');
  });
  it('neutralises formulas and quotes what needs quoting', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('plain')).toBe('plain');
    expect(toCsv(['a', 'b'], [[1, null]])).toBe('a,b\r\n1,\r\n');
  });
  it('round-trips any text that does not start a formula', () => {
    const cell = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 10 }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const [header, ...body] = table;
          const parsed = parseCsv(toCsv(header!, body));
          const expected = table.filter((r) => !(r.length === 1 && r[0] === ''));
          expect(parsed).toEqual(expected);
        },
      ),
    );
  });
  it('reads the same records fed in pieces of any size (a CRLF or a doubled quote split between two)', () => {
    const text = fc.stringMatching(/^[a,"\r\n\ufeff]{0,40}$/);
    fc.assert(
      fc.property(text, fc.array(fc.nat(40), { maxLength: 6 }), (csv, cuts) => {
        let whole: string[][] | string;
        try {
          whole = parseCsv(csv);
        } catch (err) {
          whole = (err as Error).message;
        }
        const reader = new CsvReader();
        let pieces: string[][] | string;
        try {
          const at = [...new Set(cuts.map((c) => Math.min(c, csv.length)))].sort((a, b) => a - b);
          const out: string[][] = [];
          let from = 0;
          for (const to of [...at, csv.length]) {
            out.push(...reader.push(csv.slice(from, to)));
            from = to;
          }
          pieces = [...out, ...reader.end()];
        } catch (err) {
          pieces = (err as Error).message;
        }
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 2000 },
    );
  });
});
