import { describe, expect, it } from 'vitest';
import { climateLine, contextGaps, contextProblems, type IsmsContext } from './context.ts';
import { signOffProblems, signOffState } from './risk.ts';

const today = '2028-02-29';
const context: IsmsContext = {
  issues: [
    { kind: 'external', text: 'Floods', climate: true, recordedOn: '2028-01-31' },
    { kind: 'internal', text: 'Growth', climate: false, recordedOn: '2027-12-31' },
  ],
  parties: [{ name: 'Customers', requirements: 'ISO', climateRequirements: 'continuity', recordedOn: today }],
  feedback: [],
  climate: { relevant: true, statement: 'floods threaten the data centre', determinedOn: today },
};

describe('context of the organisation and the climate determination (4.1, 4.2, Amd 1:2024)', () => {
  it('accepts a complete context dated up to today (leap day included)', () => {
    expect(contextProblems(context, today)).toEqual([]);
    expect(contextGaps(context)).toEqual([]);
  });
  it('asks for a statement and a date once the climate question is answered', () => {
    const p = contextProblems(
      { ...context, climate: { relevant: false, statement: ' ', determinedOn: null } },
      today,
    );
    expect(p.map((x) => x.path)).toEqual(['climate/statement', 'climate/determinedOn', 'climate/relevant']);
  });
  it('needs a climate issue when climate change is relevant, and refuses dates after today', () => {
    const p = contextProblems(
      { ...context, issues: [{ ...context.issues[1]!, recordedOn: '2028-03-01' }] },
      today,
    );
    expect(p.map((x) => x.path)).toEqual(['issues', 'issues/0/recordedOn']);
  });
  it('lists what is missing, the undetermined climate question first among the amendment’s', () => {
    const empty: IsmsContext = {
      issues: [],
      parties: [],
      feedback: [],
      climate: { relevant: null, statement: '', determinedOn: null },
    };
    expect(contextGaps(empty)).toEqual([
      'no external issue recorded (4.1)',
      'no internal issue recorded (4.1)',
      'no interested party recorded (4.2)',
      'whether climate change is a relevant issue is not determined (4.1, Amd 1:2024)',
    ]);
    expect(contextProblems(empty, today)).toEqual([]);
    expect(climateLine(empty.climate)).toContain('not yet determined');
    expect(
      contextGaps({ ...context, parties: [{ ...context.parties[0]!, climateRequirements: '' }] }),
    ).toEqual(['no interested party’s climate-related requirements recorded (4.2, Amd 1:2024)']);
  });
});

describe('risk owner’s sign-off (6.1.3 f)', () => {
  const sig = { by: 'Tom Becker', on: '2027-12-31' };
  it('needs both the approval of the plan and the acceptance of the residual risk', () => {
    expect(signOffState({ treatmentApproval: null, residualAcceptance: null })).toBe('awaiting_approval');
    expect(signOffState({ treatmentApproval: null, residualAcceptance: sig })).toBe('awaiting_approval');
    expect(signOffState({ treatmentApproval: sig, residualAcceptance: null })).toBe('awaiting_acceptance');
    expect(signOffState({ treatmentApproval: sig, residualAcceptance: sig })).toBe('complete');
  });
  it('refuses a signature dated after today or on a risk without an owner', () => {
    expect(
      signOffProblems({ owner: 'Tom Becker', treatmentApproval: sig, residualAcceptance: sig }, '2027-12-31'),
    ).toEqual([]);
    const late = signOffProblems(
      { owner: 'Tom Becker', treatmentApproval: { ...sig, on: '2028-01-01' }, residualAcceptance: null },
      '2027-12-31',
    );
    expect(late).toEqual([
      {
        field: 'treatmentApproval',
        kind: 'dated_after_today',
        message: 'the approval of the treatment plan cannot be dated after today',
      },
    ]);
    const ownerless = signOffProblems(
      { owner: ' ', treatmentApproval: null, residualAcceptance: sig },
      today,
    );
    expect(ownerless.map((p) => p.field)).toEqual(['residualAcceptance']);
  });
  it('refuses a signature by anyone but the risk owner, naming the owner (regression: any name passed)', () => {
    const other = signOffProblems(
      { owner: 'Tom Becker', treatmentApproval: { by: 'Ada Lovelace', on: today }, residualAcceptance: null },
      today,
    );
    expect(other).toEqual([
      {
        field: 'treatmentApproval',
        kind: 'not_risk_owner',
        message:
          'the approval of the treatment plan must be signed by the risk owner, Tom Becker, not by Ada Lovelace (6.1.3 f)',
      },
    ]);
    // The same person written with other case or spacing is the owner.
    expect(
      signOffProblems(
        {
          owner: 'Tom Becker',
          treatmentApproval: null,
          residualAcceptance: { by: ' tom  BECKER', on: today },
        },
        today,
      ),
    ).toEqual([]);
  });
});
