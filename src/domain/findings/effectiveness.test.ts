import { describe, expect, it } from 'vitest';
import {
  checkReviewPlan,
  checkReviewResult,
  type EffectivenessReview,
  effectivenessLine,
  effectivenessState,
} from './effectiveness.ts';

// The review of effectiveness (ISO/IEC 27001:2022 10.2 d) as its own record (issue #13).

const planned: EffectivenessReview = {
  criteria: 'Two monthly reports at 100 %',
  dueOn: '2028-02-29',
  reviewerId: 'ravi',
  result: null,
  reviewedOn: null,
};
const result = (over: Partial<Parameters<typeof checkReviewResult>[0]>) =>
  checkReviewResult({
    status: 'closed',
    review: planned,
    actorId: 'ravi',
    implementerIds: ['tom'],
    evidenceCount: 1,
    notes: '',
    reviewedOn: '2028-12-31',
    today: '2028-12-31',
    ...over,
  });

describe('review of effectiveness', () => {
  it('is not planned by criteria alone: a due date and a reviewer are needed', () => {
    expect(effectivenessState({ ...planned, dueOn: null })).toBe('none');
    expect(effectivenessState({ ...planned, reviewerId: null })).toBe('none');
    expect(effectivenessState(planned)).toBe('planned');
    expect(effectivenessState({ ...planned, result: 'effective', reviewedOn: '2028-03-01' })).toBe(
      'effective',
    );
    expect(effectivenessState({ ...planned, result: 'not_effective', reviewedOn: '2028-03-01' })).toBe(
      'none',
    );
  });

  it('refuses an implementer as reviewer, naming the field', () => {
    expect(checkReviewPlan({ ...planned, reviewerId: 'tom' }, ['tom']).map((p) => p.field)).toEqual([
      'reviewer',
    ]);
    expect(checkReviewPlan({ criteria: ' ', dueOn: null, reviewerId: null }, []).map((p) => p.field)).toEqual(
      ['criteria', 'dueOn', 'reviewer'],
    );
  });

  it('takes a result dated on the year end itself, never the day after', () => {
    expect(result({})).toBeNull();
    expect(result({ reviewedOn: '2029-01-01' })?.code).toBe('date_invalid');
    expect(result({ reviewedOn: '2028-02-29', today: '2028-02-29' })).toBeNull();
  });

  it('refuses the implementer, a missing plan, no evidence, and an unverified record', () => {
    expect(result({ actorId: 'tom', implementerIds: ['tom'] })?.code).toBe('reviewer_is_implementer');
    expect(result({ review: null })?.code).toBe('not_planned');
    expect(result({ evidenceCount: 0 })?.code).toBe('evidence_required');
    expect(result({ evidenceCount: 0, notes: 'Two reports read' })).toBeNull();
    expect(result({ status: 'implementing' })?.code).toBe('not_reviewable');
  });

  it('says "closed by CB — effectiveness review due D" until reviewed', () => {
    expect(effectivenessLine('closed', 'certification_body', planned)).toBe(
      'closed by CB — effectiveness review due 2028-02-29',
    );
    expect(effectivenessLine('closed', 'certification_body', null)).toBe(
      'closed by CB — effectiveness review not planned yet',
    );
    expect(
      effectivenessLine('closed', 'certification_body', {
        ...planned,
        result: 'effective',
        reviewedOn: '2028-12-31',
      }),
    ).toBe('effectiveness reviewed on 2028-12-31: effective');
    expect(
      effectivenessLine('analysing', 'organisation', {
        ...planned,
        result: 'not_effective',
        reviewedOn: '2029-01-31',
      }),
    ).toMatch(/^not effective \(reviewed 2029-01-31\): corrective action reopened/);
    expect(effectivenessLine('implementing', 'organisation', planned)).toBeNull();
  });
});
