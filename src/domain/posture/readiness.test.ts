import { describe, expect, it } from 'vitest';
import { type ReadinessFinding, readiness } from './readiness.ts';

const finding = (over: Partial<ReadinessFinding>): ReadinessFinding => ({
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
        finding({ id: 'b', ref: 'NC-2', grade: 'major', tasks: [task(false)] }),
        finding({ id: 'c', ref: 'NC-3', grade: 'major', status: 'evidence_submitted', tasks: [task(true)] }),
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
    expect(r.blockers[2]!.reason).toMatch(/awaiting verification by the certification body/);
  });

  it('has no date while a nonconformity has no planned corrective action', () => {
    const r = readiness([finding({ grade: 'major', overdue: true })], () => null, '2026-12-01');
    expect(r.recommendedBy).toBeNull();
    expect(r.blockers[0]!.reason).toBe('no corrective action planned — its deadline has passed');
  });

  it('counts a minor with an accepted plan as satisfied and gives exact counts', () => {
    const r = readiness(
      [
        finding({ id: 'a', ref: 'NC-1', status: 'open', capDueOn: '2027-01-31' }),
        finding({ id: 'b', ref: 'NC-2', status: 'plan_submitted' }),
        finding({ id: 'c', ref: 'NC-3', status: 'plan_accepted' }),
        finding({ id: 'd', ref: 'NC-4', status: 'implementing' }),
      ],
      () => null,
      '2026-12-31',
    );
    expect(r.implied).toBe('recommended_upon_action_plan');
    expect(r.reasons).toEqual(['2 of 4 open minors still need an accepted plan (NC-1, NC-2)']);
    expect(r.blockers.map((b) => [b.ref, b.readyOn])).toEqual([
      ['NC-1', '2027-01-31'],
      ['NC-2', '2026-12-31'],
    ]);
    // Plan acceptance, not finished actions, dates a minor: across the year end.
    expect(r.recommendedBy).toBe('2027-01-31');
  });

  it('ignores internal, second-party and stage 1 findings', () => {
    const r = readiness(
      [
        finding({ id: 'a', ref: 'IA-01', grade: 'major', status: 'open', auditType: 'internal' }),
        finding({ id: 'b', ref: 'SP-01', grade: 'minor', status: 'open', auditType: 'second_party' }),
        finding({ id: 'c', ref: 'S1-01', grade: 'major', status: 'open', auditType: 'stage1' }),
      ],
      () => null,
      '2028-02-29',
    );
    expect(r).toMatchObject({ implied: 'recommended', blockers: [], recommendedBy: '2028-02-29' });
  });

  it('dates a major by its verification forecast, a minor past its plan date by today', () => {
    const r = readiness(
      [
        finding({ id: 'a', ref: 'NC-1', grade: 'major', tasks: [task(false)], auditType: 'stage2' }),
        finding({ id: 'b', ref: 'NC-2', status: 'analysing', capDueOn: '2028-01-31', auditType: 'stage2' }),
      ],
      () => '2028-03-01',
      '2028-02-29',
    );
    expect(r.implied).toBe('not_recommended');
    expect(r.reasons[1]).toBe('1 of 1 open minor still needs an accepted plan (NC-2)');
    expect(r.blockers.map((b) => b.readyOn)).toEqual(['2028-03-01', '2028-02-29']);
    expect(r.recommendedBy).toBe('2028-03-01');
  });
});
