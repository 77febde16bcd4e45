import { describe, expect, it } from 'vitest';
import { escalationFlags } from './escalation.ts';
import { impliedRecommendation, isOverdue } from './recommendation.ts';

const f = (
  id: string,
  grade: string,
  status: string,
  requirements: string[],
  extra: Partial<{ area: string; cycle: string; createdAt: string }> = {},
) => ({
  id,
  ref: id.toUpperCase(),
  grade,
  status,
  requirements,
  area: extra.area ?? '',
  cycle: extra.cycle ?? 'c1',
  createdAt: extra.createdAt ?? '2026-01-01',
});

describe('escalation', () => {
  it('flags two open minors on one requirement in one cycle as a possible systemic major', () => {
    const flags = escalationFlags(
      [
        f('a', 'minor', 'open', ['A.8.8']),
        f('b', 'minor', 'analysing', ['A.8.8']),
        f('c', 'minor', 'open', ['A.5.1']),
      ],
      {
        systemicMinorThreshold: 2,
      },
    );
    expect(flags.get('a')?.[0]).toMatchObject({ kind: 'possible_systemic_major', related: ['B'] });
    expect(flags.get('c')).toBeUndefined();
  });
  it('respects the threshold, the cycle and closed findings', () => {
    const list = [
      f('a', 'minor', 'open', ['A.8.8']),
      f('b', 'minor', 'open', ['A.8.8'], { cycle: 'c2' }),
      f('c', 'minor', 'closed', ['A.8.8']),
    ];
    expect(escalationFlags(list, { systemicMinorThreshold: 2 }).size).toBe(0);
    const three = [f('a', 'minor', 'open', ['8.1']), f('b', 'minor', 'open', ['8.1'])];
    expect(escalationFlags(three, { systemicMinorThreshold: 3 }).size).toBe(0);
  });
  it('says which findings add up and why, and ignores OFIs and declined findings', () => {
    const flags = escalationFlags(
      [
        f('a', 'minor', 'implementing', ['A.5.15', 'A.8.2']),
        f('b', 'minor', 'open', ['A.8.2']),
        f('c', 'minor', 'plan_accepted', ['A.8.2']),
        f('o', 'ofi', 'open', ['A.8.2']),
        f('d', 'minor', 'declined', ['A.8.2']),
      ],
      { systemicMinorThreshold: 3 },
    );
    expect(flags.get('b')).toEqual([
      {
        kind: 'possible_systemic_major',
        message:
          '3 open minor nonconformities on requirement A.8.2 in this audit cycle (B, A, C) may be graded as one major',
        related: ['A', 'C'],
      },
    ]);
    expect(flags.has('o')).toBe(false);
    expect(flags.has('d')).toBe(false);
  });
  it('groups by process as well', () => {
    const flags = escalationFlags(
      [
        f('a', 'minor', 'open', ['A.8.8'], { area: 'Patch management' }),
        f('b', 'minor', 'open', ['A.8.9'], { area: 'patch management ' }),
      ],
      {
        systemicMinorThreshold: 2,
      },
    );
    expect(flags.get('b')?.[0]?.message).toMatch(/Patch management/);
  });
  it('flags a repeat of a verified finding as not effectively resolved', () => {
    const flags = escalationFlags(
      [
        f('old', 'minor', 'closed', ['A.5.15'], { createdAt: '2025-01-01', cycle: 'c0' }),
        f('new', 'major', 'open', ['A.5.15'], { createdAt: '2026-02-01' }),
      ],
      { systemicMinorThreshold: 2 },
    );
    expect(flags.get('new')).toEqual([
      expect.objectContaining({ kind: 'not_effectively_resolved', related: ['OLD'] }),
    ]);
    expect(flags.get('old')).toBeUndefined();
  });
});

describe('implied recommendation', () => {
  it('follows the open nonconformities', () => {
    expect(impliedRecommendation([f('o', 'ofi', 'open', [])]).implied).toBe('recommended');
    // A minor whose plan the certification body accepted is satisfied: implementation is verified later.
    expect(impliedRecommendation([f('m', 'minor', 'plan_accepted', [])])).toMatchObject({
      implied: 'recommended',
      atRisk: false,
    });
    expect(impliedRecommendation([f('m', 'minor', 'open', [])])).toMatchObject({
      implied: 'recommended_upon_action_plan',
      atRisk: true,
    });
    expect(
      impliedRecommendation([f('x', 'major', 'implementing', []), f('m', 'minor', 'closed', [])]),
    ).toMatchObject({ implied: 'not_recommended', atRisk: true });
    expect(impliedRecommendation([f('x', 'major', 'closed', [])]).implied).toBe('recommended');
  });
  it('applies the deadline of the current step', () => {
    const d = { capDueOn: '2026-03-16', evidenceDueOn: '2026-04-01', closeByOn: '2026-05-01' };
    expect(isOverdue('analysing', d, '2026-03-17')).toBe(true);
    expect(isOverdue('plan_submitted', d, '2026-03-17')).toBe(false);
    expect(isOverdue('implementing', d, '2026-04-02')).toBe(true);
    expect(isOverdue('verified_internally', d, '2026-04-30')).toBe(false);
    expect(isOverdue('closed', d, '2027-01-01')).toBe(false);
  });
});
