import { describe, expect, it } from 'vitest';
import { requirementCatalogue } from '../../reference/catalogue.ts';
import { formatRequirementRef, parseRequirementRef } from './requirement-ref.ts';

const parse = (s: string) => parseRequirementRef(s, requirementCatalogue);

describe('requirement references', () => {
  it('accepts A.8.8 and 8.8 alike', () => {
    for (const s of ['A.8.8', 'a.8.8', ' A.8.8 ', 'Annex A 8.8', 'A 8.8', '8.8']) {
      expect(parse(s)).toMatchObject({ ok: true, ref: { kind: 'annex_a', id: '8.8', label: 'A.8.8' } });
    }
  });
  it('reads ids shared by both sets as clauses unless prefixed with A.', () => {
    expect(parse('5.1')).toMatchObject({
      ok: true,
      ref: { kind: 'clause', label: '5.1', title: 'Leadership and commitment' },
    });
    expect(parse('A.5.1')).toMatchObject({ ok: true, ref: { kind: 'annex_a', label: 'A.5.1' } });
    expect(parse('clause 9.2.2')).toMatchObject({ ok: true, ref: { kind: 'clause', id: '9.2.2' } });
    expect(parse('§10.1')).toMatchObject({ ok: true, ref: { kind: 'clause', id: '10.1' } });
  });
  it('rejects what the standard does not contain, saying why', () => {
    expect(parse('A.9.2.5')).toEqual({
      ok: false,
      message: 'A.9.2.5 is not an Annex A control of ISO/IEC 27001:2022',
    });
    expect(parse('8.35')).toMatchObject({ ok: false });
    expect(parse('clause 11')).toMatchObject({ ok: false });
    expect(parse('firewall')).toMatchObject({ ok: false, message: expect.stringContaining('A.8.8') });
  });
  it('ships all 93 Annex A controls and the clauses 4 to 10', () => {
    expect(requirementCatalogue.annexA.size).toBe(93);
    expect(requirementCatalogue.clauses.get('10.2')).toBe('Nonconformity and corrective action');
  });
  it('works from plain id sets as well, without titles', () => {
    const sets = { annexA: new Set(['5.1', '8.8']), clauses: new Set(['5.1', '8.1']) };
    expect(parseRequirementRef(' A.8.8 ', sets)).toEqual({
      ok: true,
      ref: { kind: 'annex_a', id: '8.8', label: 'A.8.8', title: null },
    });
    expect(parseRequirementRef('8.8', sets)).toMatchObject({ ok: true, ref: { kind: 'annex_a' } });
    expect(parseRequirementRef('8.1', sets)).toMatchObject({ ok: true, ref: { kind: 'clause' } });
    expect(parseRequirementRef('a.8.1', sets)).toMatchObject({ ok: false });
  });
  it('formats references the canonical way and round-trips them', () => {
    expect(formatRequirementRef({ kind: 'annex_a', id: '8.8' })).toBe('A.8.8');
    expect(formatRequirementRef({ kind: 'clause', id: '8.1' })).toBe('8.1');
    for (const kind of ['annex_a', 'clause'] as const) {
      for (const id of requirementCatalogue[kind === 'annex_a' ? 'annexA' : 'clauses'].keys()) {
        expect(parse(formatRequirementRef({ kind, id }))).toMatchObject({ ok: true, ref: { kind, id } });
      }
    }
  });
});
