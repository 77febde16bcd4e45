import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/working-days.ts';
import { anchorDate, deriveFindingDeadlines, presetPolicies } from '../deadlines/policy.ts';
import { certificationRisks, stage2RepeatDate } from './certification-risk.ts';
import {
  checkReviewPlan,
  checkReviewResult,
  effectivenessLine,
  effectivenessState,
} from './effectiveness.ts';

const major = (status: string, evidenceDueOn: string | null = null) => ({
  ref: 'NC-01',
  grade: 'major',
  status,
  capDueOn: null,
  evidenceDueOn,
  closeByOn: null,
});

describe('the 6-month stage 2 limit', () => {
  it('falls 6 months after the last day of stage 2, clamped to the month end', () => {
    expect(stage2RepeatDate('2027-08-31')).toBe('2028-02-29');
    expect(stage2RepeatDate('2026-08-31')).toBe('2027-02-28');
    expect(stage2RepeatDate('2027-07-15')).toBe('2028-01-15');
  });
  it('shows the date before it passes and says stage 2 must be repeated after it', () => {
    const audit = { type: 'stage2', endsOn: '2027-08-31' };
    expect(certificationRisks(audit, [major('implementing')], '2028-02-29')).toMatchObject([
      { kind: 'repeat_stage2', on: '2028-02-29', reached: false },
    ]);
    const late = certificationRisks(audit, [major('implementing')], '2028-03-01');
    expect(late).toMatchObject([{ kind: 'repeat_stage2', on: '2028-02-29', reached: true }]);
    expect(late[0]!.message).toMatch(/^stage 2 must be repeated/);
    expect(certificationRisks(audit, [major('closed')], '2028-03-01')).toEqual([]);
  });
  it('applies to stage 2 only, never to internal audits', () => {
    for (const type of ['internal', 'second_party', 'stage1', 'recertification'])
      expect(certificationRisks({ type, endsOn: '2027-01-31' }, [major('open')], '2029-01-01')).toEqual([]);
  });
});

describe('suspension risk at surveillance', () => {
  it('is shown from the day after an open major misses its deadline, across the year end', () => {
    const audit = { type: 'surveillance', endsOn: '2027-10-01' };
    expect(certificationRisks(audit, [major('implementing', '2027-12-31')], '2027-12-31')).toEqual([]);
    expect(certificationRisks(audit, [major('implementing', '2027-12-31')], '2028-01-01')).toMatchObject([
      { kind: 'suspension_risk', on: '2028-01-01', findings: ['NC-01'] },
    ]);
  });
});

describe('cb-90 and the anchors', () => {
  const cb90 = presetPolicies.find((p) => p.key === 'cb-90')!.definition;
  const cal = defaultCalendar();
  it('counts from the last day of the audit by default: majors 30 / 90, minors plan only', () => {
    const anchors = { endsOn: '2027-12-02', reportReceivedOn: '2027-12-20' };
    expect(deriveFindingDeadlines(cb90, 'major', anchors, cal)).toEqual({
      capDueOn: '2028-01-01',
      evidenceDueOn: '2028-03-01',
      closeByOn: null,
    });
    expect(deriveFindingDeadlines(cb90, 'minor', anchors, cal)).toEqual({
      capDueOn: '2028-01-01',
      evidenceDueOn: null,
      closeByOn: null,
    });
    // 30 days from 30 January of a leap year is the leap day.
    expect(
      deriveFindingDeadlines(cb90, 'major', { endsOn: '2028-01-30', reportReceivedOn: null }, cal).capDueOn,
    ).toBe('2028-02-29');
  });
  it('uses the closing meeting or the report date when the policy says so', () => {
    const a = { endsOn: '2027-01-29', closingMeetingOn: '2027-01-28', reportReceivedOn: '2027-02-05' };
    expect(anchorDate({ ...cb90, anchor: 'closing_meeting' }, a)).toBe('2027-01-28');
    expect(anchorDate({ ...cb90, anchor: 'closing_meeting' }, { ...a, closingMeetingOn: null })).toBe(
      '2027-01-29',
    );
    expect(anchorDate({ ...cb90, anchor: 'report_received' }, a)).toBe('2027-02-05');
    expect(anchorDate(cb90, a)).toBe('2027-01-29');
  });
  it('sets no deadline for stage 1 areas of concern', () => {
    expect(
      deriveFindingDeadlines(cb90, 'major', { endsOn: '2027-01-31', reportReceivedOn: null }, cal, {
        areasOfConcern: true,
      }),
    ).toEqual({ capDueOn: null, evidenceDueOn: null, closeByOn: null });
  });
});

describe('review of effectiveness (10.2 d)', () => {
  const planned = {
    criteria: 'No repeat in 3 scans',
    dueOn: '2028-02-29',
    reviewerId: 'ravi',
    result: null,
    reviewedOn: null,
  };
  it('is planned only with criteria, a due date and a reviewer who did not implement', () => {
    expect(effectivenessState(planned)).toBe('planned');
    expect(effectivenessState({ ...planned, dueOn: null })).toBe('none');
    expect(effectivenessState({ ...planned, result: 'not_effective' })).toBe('none');
    expect(checkReviewPlan({ ...planned, reviewerId: 'tom' }, ['tom']).map((p) => p.field)).toEqual([
      'reviewer',
    ]);
    expect(checkReviewPlan({ criteria: ' ', dueOn: null, reviewerId: null }, []).map((p) => p.field)).toEqual(
      ['criteria', 'dueOn', 'reviewer'],
    );
  });
  it('refuses a result by an implementer, without evidence, dated in the future or before verification', () => {
    const base = {
      status: 'closed',
      review: planned,
      actorId: 'ravi',
      implementerIds: ['tom'],
      evidenceCount: 1,
      notes: '',
      reviewedOn: '2028-02-29',
      today: '2028-02-29',
    };
    expect(checkReviewResult(base)).toBeNull();
    expect(checkReviewResult({ ...base, actorId: 'tom' })?.code).toBe('reviewer_is_implementer');
    expect(checkReviewResult({ ...base, evidenceCount: 0 })?.code).toBe('evidence_required');
    expect(checkReviewResult({ ...base, reviewedOn: '2028-03-01' })?.code).toBe('date_invalid');
    expect(checkReviewResult({ ...base, status: 'implementing' })?.code).toBe('not_reviewable');
  });
  it('says "closed by CB — effectiveness review due D" until reviewed', () => {
    expect(effectivenessLine('closed', 'certification_body', planned)).toBe(
      'closed by CB — effectiveness review due 2028-02-29',
    );
    expect(
      effectivenessLine('closed', 'certification_body', {
        ...planned,
        result: 'effective',
        reviewedOn: '2028-03-01',
      }),
    ).toBe('effectiveness reviewed on 2028-03-01: effective');
    expect(effectivenessLine('analysing', 'organisation', null)).toBeNull();
  });
});
