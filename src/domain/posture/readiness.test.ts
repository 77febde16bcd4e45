import { describe, expect, it } from 'vitest';
import type { PostureFinding } from './model.ts';
import { readiness } from './readiness.ts';

const finding = (over: Partial<PostureFinding>): PostureFinding => ({
  id: 'f',
  ref: 'NC-1',
  grade: 'minor',
  status: 'implementing',
  requirements: ['A.8.8'],
  overdue: false,
  tasks: [],
  ...over,
});
const task = (done: boolean) => ({ id: 't', title: 't', effortDays: 1, done, predecessors: [], dueOn: null });

describe('certification readiness', () => {
  it('is recommended today when no nonconformity is open', () => {
    const r = readiness(
      [finding({ status: 'closed' }), finding({ grade: 'ofi', status: 'open' })],
      () => null,
      '2026-12-01',
    );
    expect(r).toMatchObject({ implied: 'recommended', recommendedBy: '2026-12-01', blockers: [] });
  });

  it('takes the latest forecast finish of the open nonconformities', () => {
    const r = readiness(
      [
        finding({ id: 'a', ref: 'NC-1', grade: 'major', tasks: [task(false)] }),
        finding({ id: 'b', ref: 'NC-2', tasks: [task(false)] }),
        finding({ id: 'c', ref: 'NC-3', status: 'evidence_submitted', tasks: [task(true)] }),
      ],
      (id) => (id === 'a' ? '2027-01-15' : '2026-12-20'),
      '2026-12-01',
    );
    expect(r.implied).toBe('not_recommended');
    expect(r.recommendedBy).toBe('2027-01-15');
    expect(r.blockers.map((b) => [b.ref, b.readyOn])).toEqual([
      ['NC-1', '2027-01-15'],
      ['NC-2', '2026-12-20'],
      ['NC-3', '2026-12-01'],
    ]);
    expect(r.blockers[2]!.reason).toMatch(/awaiting the certification body/);
  });

  it('has no date while a nonconformity has no planned corrective action', () => {
    const r = readiness([finding({ overdue: true })], () => null, '2026-12-01');
    expect(r.recommendedBy).toBeNull();
    expect(r.blockers[0]!.reason).toBe('no corrective action planned — its deadline has passed');
  });
});
