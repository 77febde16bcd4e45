import { describe, expect, it } from 'vitest';
import {
  annexAControls,
  clauses,
  controls2013,
  loadCatalogue,
  mapping2013to2022,
  nistCsf,
  nistMapping,
  shippedReferenceData,
  soc2Criteria,
  soc2Mapping,
} from './catalogue.ts';

const countBy = <T>(list: readonly T[], key: (t: T) => string) => {
  const out: Record<string, number> = {};
  for (const t of list) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
};
const clone = (): typeof shippedReferenceData => structuredClone(shippedReferenceData);

describe('shipped reference catalogue', () => {
  it('holds the counts PROVENANCE.md states', () => {
    expect(countBy(annexAControls(), (c) => c.theme)).toEqual({
      organizational: 37,
      people: 8,
      physical: 14,
      technological: 34,
    });
    expect(annexAControls().filter((c) => c.newIn2022)).toHaveLength(11);
    expect(clauses()).toHaveLength(41);
    expect(clauses().filter((c) => c.requirement)).toHaveLength(30);
    expect(controls2013()).toHaveLength(114);
    expect(countBy(mapping2013to2022(), (m) => m.relationship)).toEqual({
      one_to_one: 58,
      merged: 55,
      split: 2,
    });
    expect(countBy(soc2Criteria(), (c) => c.id.replace(/\d.*$/, ''))).toEqual({
      CC: 33,
      A: 3,
      C: 2,
      PI: 5,
      P: 18,
    });
    const csf = nistCsf();
    expect([csf.functions.length, csf.categories.length, csf.subcategories.length]).toEqual([6, 22, 106]);
    expect(soc2Mapping()).toHaveLength(193);
    expect(new Set(soc2Mapping().map((r) => r.to)).size).toBe(36);
    const annexFrom = (rows: readonly { from: string; fromKind: string }[]) =>
      new Set(rows.filter((r) => r.fromKind === 'annex_a').map((r) => r.from)).size;
    expect(annexFrom(soc2Mapping())).toBe(59);
    expect(annexFrom(nistMapping())).toBe(67);
    expect(nistMapping()).toHaveLength(341);
    expect(new Set(nistMapping().map((r) => r.to)).size).toBe(106);
  });

  it('keeps overlapping Annex A and clause ids apart', () => {
    expect(annexAControls().find((c) => c.id === '5.1')?.title).toBe('Policies for information security');
    expect(clauses().find((c) => c.id === '5.1')?.title).toBe('Leadership and commitment');
    expect(clauses().some((c) => c.id === '8.8')).toBe(false);
  });

  it('maps the 2013 controls onto the 2022 ones (A.12.6.1 became 8.8)', () => {
    expect(
      mapping2013to2022()
        .filter((m) => m.from === 'A.12.6.1')
        .map((m) => m.to),
    ).toEqual(['8.8']);
  });
});

describe('loading refuses malformed data', () => {
  it('names the file and the field of a shape error', () => {
    const raw = clone();
    (raw.annexA as { theme: string }[])[0]!.theme = 'legal';
    expect(() => loadCatalogue(raw)).toThrow(/iso27001-2022-annex-a\.json is malformed at 0\.theme/);
  });
  it('refuses another number of Annex A controls', () => {
    const raw = clone();
    (raw.annexA as unknown[]).pop();
    expect(() => loadCatalogue(raw)).toThrow(/iso27001-2022-annex-a\.json/);
  });
  it('refuses duplicate ids', () => {
    const raw = clone();
    const list = raw.clauses as { id: string }[];
    list[2]!.id = list[1]!.id;
    expect(() => loadCatalogue(raw)).toThrow(/repeats the id 4\.1/);
  });
  it('refuses a mapping row that points at nothing', () => {
    const raw = clone();
    (raw.nistMapping as { to: string }[])[0]!.to = 'GV.ZZ-99';
    expect(() => loadCatalogue(raw)).toThrow(/CSF subcategory GV\.ZZ-99/);
    const raw2 = clone();
    (raw2.soc2Mapping as { from: string; fromKind: string }[])[0]!.fromKind = 'annex_a';
    (raw2.soc2Mapping as { from: string }[])[0]!.from = '4.1';
    expect(() => loadCatalogue(raw2)).toThrow(/Annex A control 4\.1/);
  });
  it('accepts the shipped data unchanged', () => {
    expect(loadCatalogue(clone()).annexA).toHaveLength(93);
  });
});
