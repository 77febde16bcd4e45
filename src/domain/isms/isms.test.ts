import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annexAControls, mapping2013to2022, soc2Criteria, soc2Mapping } from '../../reference/catalogue.ts';
import { type ControlState, clauseScore, coverage, effectiveMapping } from './crosswalk.ts';
import { documentState, dueForReminder, mandatoryDocuments, readiness } from './documents.ts';
import { migrate2013 } from './migration-2013.ts';
import { defaultRiskMatrix, heatMap, matrixProblems, riskBand, riskProblems } from './risk.ts';
import { diffEntries, type SoaEntryState, validateEntry } from './soa.ts';

const entry = (over: Partial<SoaEntryState> = {}): SoaEntryState => ({
  controlId: '8.8',
  applicable: true,
  reasons: ['risk_treatment'],
  justification: '',
  status: 'not_started',
  owner: '',
  implementation: '',
  evidence: [],
  documents: [],
  ...over,
});

describe('SoA lines', () => {
  it('asks for a justification of an exclusion, a reason for an inclusion and proof of implementation', () => {
    expect(validateEntry(entry({ applicable: false })).map((i) => i.field)).toEqual(['justification']);
    expect(
      validateEntry(entry({ applicable: false, justification: 'No premises', status: 'partial' }))[0]!
        .message,
    ).toContain('excluded but marked partial');
    expect(validateEntry(entry({ reasons: [] }))[0]!.message).toContain('without a reason for inclusion');
    expect(validateEntry(entry({ reasons: [] }), true)).toEqual([]);
    expect(validateEntry(entry({ status: 'implemented' }))[0]!.message).toContain(
      'without any evidence or description',
    );
    expect(validateEntry(entry({ status: 'implemented', evidence: ['scan report'] }))).toEqual([]);
  });
  it('lists field changes between versions', () => {
    expect(diffEntries([entry()], [entry({ status: 'planned', owner: 'CISO' })])).toEqual([
      { controlId: '8.8', field: 'status', before: 'not_started', after: 'planned' },
      { controlId: '8.8', field: 'owner', before: '', after: 'CISO' },
    ]);
    expect(diffEntries([entry()], [entry()])).toEqual([]);
  });
});

describe('risk matrix', () => {
  it('bands scores and checks a matrix definition', () => {
    expect(matrixProblems(defaultRiskMatrix)).toEqual([]);
    expect([1, 4, 5, 9, 10, 16, 17, 25].map((s) => riskBand(defaultRiskMatrix, s).key)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
    expect(
      matrixProblems({ ...defaultRiskMatrix, bands: [{ key: 'a', label: 'A', max: 20, colour: 'red' }] }),
    ).toEqual(['the last band must end at the highest score, 25 (likelihood × impact)']);
    const r = {
      inherent: { likelihood: 2, impact: 2 },
      residual: { likelihood: 3, impact: 2 },
      treatment: 'modify' as const,
      controls: [],
    };
    expect(riskProblems(defaultRiskMatrix, r)).toHaveLength(2);
  });
  it('places every risk in exactly one heat-map cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ l: fc.integer({ min: 1, max: 5 }), i: fc.integer({ min: 1, max: 5 }) })),
        (rs) => {
          const map = heatMap(
            defaultRiskMatrix,
            rs.map((r, n) => ({ ref: `R${n}`, rating: { likelihood: r.l, impact: r.i } })),
          );
          expect(map.flat().reduce((s, c) => s + c.count, 0)).toBe(rs.length);
          expect(map[0]![0]!.likelihood).toBe(5);
        },
      ),
    );
  });
});

describe('mandatory documents', () => {
  const doc = {
    ref: 'P',
    title: 'Policy',
    requirementKey: 'policy',
    approvedOn: '2026-01-01',
    nextReviewOn: '2026-06-01',
  };
  it('lists what ISO/IEC 27001:2022 requires: 7.5.1 b, not 7.5.3; the risk treatment plan 6.1.3 e (regression)', () => {
    const clauses = mandatoryDocuments.map((m) => m.clause);
    expect(clauses).not.toContain('7.5.3');
    expect(clauses).toEqual([
      '4.3',
      '5.2',
      '6.1.2',
      '6.1.3',
      '6.1.3 d',
      '6.1.3 e',
      '6.2',
      '7.2 d',
      '7.5.1 b',
      '8.1',
      '8.2',
      '8.3',
      '9.1',
      '9.2.2',
      '9.2.2',
      '9.3.3',
      '10.2 f–g',
    ]);
    expect(new Set(mandatoryDocuments.map((m) => m.key)).size).toBe(mandatoryDocuments.length);
  });
  it('reads a document as unapproved, overdue, due soon or in place', () => {
    expect(documentState({ ...doc, approvedOn: null }, '2026-01-02')).toBe('unapproved');
    expect(documentState(doc, '2026-06-02')).toBe('review_overdue');
    expect(documentState(doc, '2026-05-15')).toBe('review_due');
    expect(documentState(doc, '2026-02-01')).toBe('ok');
  });
  it('takes the best document per mandatory item and reminds once a day', () => {
    const items = readiness([doc, { ...doc, ref: 'P2', nextReviewOn: '2027-01-01' }], '2026-07-01');
    expect(items.find((i) => i.requirement.key === 'policy')!.state).toBe('ok');
    expect(items.filter((i) => i.state === 'missing')).toHaveLength(items.length - 1);
    expect(dueForReminder([{ ...doc, lastRemindedOn: null }], '2026-05-20')).toHaveLength(1);
    expect(dueForReminder([{ ...doc, lastRemindedOn: '2026-05-20' }], '2026-05-20')).toHaveLength(0);
    expect(dueForReminder([{ ...doc, lastRemindedOn: null }], '2026-01-02')).toHaveLength(0);
  });
});

describe('crosswalk coverage', () => {
  const targets = soc2Criteria().map((c) => ({ id: c.id, title: c.title, group: c.series }));
  const statuses = ['not_started', 'planned', 'partial', 'implemented'] as const;
  it('applies overrides without touching the shipped rows', () => {
    const shipped = soc2Mapping();
    const first = shipped.find((r) => r.fromKind === 'annex_a')!;
    const rows = effectiveMapping(shipped, [
      { ...first, relationship: null, reason: 'wrong', by: 'a' },
      { from: '5.1', fromKind: 'annex_a', to: 'CC5.1', relationship: 'intersect', reason: 'gap', by: 'a' },
    ]);
    expect(rows).toHaveLength(shipped.length);
    expect(
      rows.some((r) => r.from === first.from && r.to === first.to && r.fromKind === first.fromKind),
    ).toBe(false);
    expect(rows.at(-1)).toMatchObject({ to: 'CC5.1', origin: 'override' });
  });
  it('never lowers coverage when a control moves forward', () => {
    const ids = annexAControls().map((c) => c.id);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 93, maxLength: 93 }),
        fc.integer({ min: 0, max: 92 }),
        (levels, pick) => {
          const state = (ls: number[]) =>
            new Map<string, ControlState>(
              ids.map((id, n) => [id, { applicable: true, status: statuses[ls[n]!]! }]),
            );
          const rows = effectiveMapping(soc2Mapping(), []);
          const before = coverage(targets, rows, state(levels));
          const up = [...levels];
          up[pick] = 3;
          const after = coverage(targets, rows, state(up));
          expect(after.percent).toBeGreaterThanOrEqual(before.percent);
          expect(before.percent).toBeGreaterThanOrEqual(0);
          expect(after.percent).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('crosswalk coverage of clauses 4–10 with open nonconformities (regression: counted in place)', () => {
  const targets = soc2Criteria().map((c) => ({ id: c.id, title: c.title, group: c.series }));
  const rows = effectiveMapping(soc2Mapping(), []);
  const clauseRow = rows.find((r) => r.fromKind === 'clause')!;
  const all = new Map<string, ControlState>(
    annexAControls().map((c) => [c.id, { applicable: true, status: 'implemented' }]),
  );
  it('takes a clause out of place for an open major, half for a minor, and only the clause cited', () => {
    expect(clauseScore('9.2', [])).toBe(1);
    expect(clauseScore('9.2', [{ grade: 'minor', requirements: ['9.2.2'] }])).toBe(0.5);
    expect(clauseScore('9', [{ grade: 'major', requirements: ['9.2'] }])).toBe(0);
    expect(clauseScore('9.3', [{ grade: 'major', requirements: ['9.2'] }])).toBe(1);
    expect(clauseScore('9.2', [{ grade: 'major', requirements: ['A.9.2'] }])).toBe(1);
    expect(clauseScore('10.2', [{ grade: 'minor', requirements: ['10.1', '10.2'] }])).toBe(0.5);
  });
  it('lowers the coverage of the targets a clause maps to, and only those', () => {
    const before = coverage(targets, rows, all);
    const after = coverage(targets, rows, all, [{ grade: 'major', requirements: [clauseRow.from] }]);
    expect(after.percent).toBeLessThan(before.percent);
    const target = after.targets.find((t) => t.id === clauseRow.to)!;
    expect(target.sources.find((x) => x.from === clauseRow.from)!.score).toBe(0);
    expect(target.level).not.toBe('covered');
    const untouched = after.targets.filter((t) => !t.sources.some((x) => x.fromKind === 'clause'));
    for (const t of untouched) expect(t.percent).toBe(before.targets.find((b) => b.id === t.id)!.percent);
  });
});

describe('2013 → 2022 migration', () => {
  it('merges predecessors, keeps the least advanced status and flags the 11 new controls', () => {
    const { proposals } = migrate2013(annexAControls(), mapping2013to2022(), [
      { id: 'A.5.1.1', applicable: true, status: 'implemented', justification: '', implementation: 'Policy' },
      { id: 'A.5.1.2', applicable: true, status: 'planned', justification: '', implementation: '' },
    ]);
    expect(proposals).toHaveLength(93);
    expect(proposals.find((p) => p.controlId === '5.1')).toMatchObject({
      applicable: true,
      status: 'planned',
      review: null,
    });
    expect(proposals.filter((p) => p.review?.startsWith('new in'))).toHaveLength(11);
  });
});
