import { describe, expect, it } from 'vitest';
import { currentDeadline, daysOverdue, findingAgeDays, isOverdue } from './overdue.ts';
import { isOverdue as reExported } from './recommendation.ts';

const d = { capDueOn: '2026-03-16', evidenceDueOn: '2026-04-01', closeByOn: '2026-05-01' };

describe('deadline in force', () => {
  it('follows the step of the lifecycle', () => {
    const at = (s: string) => currentDeadline(s, d)?.kind ?? null;
    expect(['open', 'analysing', 'plan_rejected'].map(at)).toEqual(['cap', 'cap', 'cap']);
    expect(['plan_submitted', 'plan_accepted', 'implementing', 'evidence_rejected'].map(at)).toEqual([
      'evidence',
      'evidence',
      'evidence',
      'evidence',
    ]);
    expect(['evidence_submitted', 'verified_internally'].map(at)).toEqual(['close', 'close']);
    expect(['closed', 'declined', 'noted'].map(at)).toEqual([null, null, null]);
  });
  it('falls through to the next date the policy sets', () => {
    const planOnly = { capDueOn: '2026-05-01', evidenceDueOn: null, closeByOn: null };
    expect(currentDeadline('analysing', planOnly)).toEqual({ kind: 'cap', on: '2026-05-01' });
    expect(currentDeadline('implementing', planOnly)).toBeNull();
    const noCap = { capDueOn: null, evidenceDueOn: null, closeByOn: '2026-06-01' };
    expect(currentDeadline('open', noCap)).toEqual({ kind: 'close', on: '2026-06-01' });
  });
});

describe('overdue', () => {
  it('is late only after the due day', () => {
    expect(isOverdue('analysing', d, '2026-03-16')).toBe(false);
    expect(isOverdue('analysing', d, '2026-03-17')).toBe(true);
    expect(isOverdue('plan_submitted', d, '2026-03-17')).toBe(false);
    expect(isOverdue('implementing', d, '2026-04-02')).toBe(true);
    expect(isOverdue('verified_internally', d, '2026-05-02')).toBe(true);
    expect(isOverdue('closed', d, '2027-01-01')).toBe(false);
    expect(reExported('analysing', d, '2026-03-17')).toBe(true);
  });
  it('counts the days late across month ends', () => {
    expect(daysOverdue('analysing', d, '2026-03-16')).toBe(0);
    expect(daysOverdue('implementing', d, '2026-03-20')).toBe(0);
    expect(daysOverdue('implementing', d, '2026-05-01')).toBe(30);
    expect(daysOverdue('closed', d, '2026-12-01')).toBe(0);
  });
});

describe('age', () => {
  it('counts calendar days while open and stops at closure', () => {
    expect(findingAgeDays('2028-02-15', '2028-02-15')).toBe(0);
    expect(findingAgeDays('2028-02-15', '2028-03-01')).toBe(15);
    expect(findingAgeDays('2027-12-20', '2028-01-05', '2027-12-31')).toBe(11);
    expect(findingAgeDays('2026-03-02', '2026-03-01')).toBe(0);
  });
});
