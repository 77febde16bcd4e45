import { describe, expect, it } from 'vitest';
import type { IsmsContext } from '../isms/context.ts';
import { gatherReviewInputs, type ReviewSources } from './review-inputs.ts';
import type { ReviewRisk } from './review-inputs-isms.ts';

const section = (s: ReturnType<typeof gatherReviewInputs>, clause: string) =>
  s.find((x) => x.clause === clause)!;

const sources: ReviewSources = {
  heldOn: '2027-07-01',
  previousHeldOn: '2026-07-01',
  previousDecisions: [{ topic: 'Patching', decision: 'Automate reports', owner: 'Tom', dueOn: '2027-05-01' }],
  findings: [
    { ref: 'NC-1', auditRef: 'S2', grade: 'major', status: 'implementing', closeByOn: '2027-06-01' },
    { ref: 'NC-2', auditRef: 'S2', grade: 'minor', status: 'closed', closeByOn: '2027-06-01' },
    { ref: 'OFI-1', auditRef: 'S2', grade: 'ofi', status: 'declined', closeByOn: null },
    { ref: 'IA-1', auditRef: 'IA-1', grade: 'minor', status: 'open', closeByOn: '2027-09-01' },
  ],
  audits: [
    { ref: 'S2', type: 'stage2', startsOn: '2027-01-10', recommendation: 'recommended_upon_action_plan' },
    { ref: 'S1', type: 'surveillance', startsOn: '2028-01-17', recommendation: null },
    { ref: 'IA-1', type: 'internal', startsOn: '2027-03-01', recommendation: null },
  ],
  internalResults: [
    { result: 'conform', checkedOn: '2027-03-01' },
    { result: 'minor', checkedOn: '2027-03-01' },
    { result: 'conform', checkedOn: '2027-03-01' },
  ],
  context: null,
  risks: null,
  objectives: ['Patch compliance ≥ 98 %: 97.2 %'],
  scores: null,
};

const context: IsmsContext = {
  issues: [
    { kind: 'external', text: 'NIS2', climate: false, recordedOn: '2026-01-10' },
    { kind: 'external', text: 'Floods near the data centre', climate: true, recordedOn: '2027-02-01' },
  ],
  parties: [
    {
      name: 'Customers',
      requirements: 'ISO 27001',
      climateRequirements: 'continuity',
      recordedOn: '2027-03-01',
    },
    { name: 'Regulator', requirements: 'GDPR', climateRequirements: '', recordedOn: '2025-12-01' },
  ],
  feedback: [
    { party: 'Customers', receivedOn: '2026-05-01', summary: 'old' },
    { party: 'Customers', receivedOn: '2027-04-01', summary: 'asked for restore tests' },
    { party: 'Customers', receivedOn: '2027-08-01', summary: 'after the review' },
  ],
  climate: { relevant: true, statement: 'floods threaten availability', determinedOn: '2027-02-01' },
};
const risk = (ref: string, over: Partial<ReviewRisk> = {}): ReviewRisk => ({
  ref,
  title: `Risk ${ref}`,
  residualBand: 'medium',
  acceptable: true,
  treatment: 'modify',
  signOff: 'complete',
  reviewOn: '2027-12-01',
  ...over,
});

describe('management review inputs (9.3.2)', () => {
  it('gathers every input in clause order and says which are not tracked', () => {
    const s = gatherReviewInputs(sources);
    expect(s.map((x) => x.clause)).toEqual([
      '9.3.2 a',
      '9.3.2 b',
      '9.3.2 c',
      '9.3.2 d 1',
      '9.3.2 d 2',
      '9.3.2 d 3',
      '9.3.2 d 4',
      '9.3.2 e',
      '9.3.2 f',
      '9.3.2 g',
    ]);
    expect(section(s, '9.3.2 b')).toMatchObject({ available: false });
    expect(s[0]!.lines).toEqual(['Patching: Automate reports — Tom, due 2027-05-01']);
    expect(section(s, '9.3.2 d 1').lines[0]).toBe(
      '3 nonconformities recorded (1 major, 2 minor); 2 open, 1 past their closure date.',
    );
    // the trend lists external audits held by the review date only
    expect(section(s, '9.3.2 d 1').lines.at(-1)).toBe('S2 (stage2, 2027-01-10): 1 major, 1 minor, 1 OFI');
    expect(section(s, '9.3.2 d 2')).toMatchObject({ available: false });
    expect(section(s, '9.3.2 d 3').lines).toEqual([
      'Internal audit results: 2 conform, 1 minor.',
      'S2: recommended upon action plan',
    ]);
    expect(section(s, '9.3.2 d 4')).toMatchObject({
      available: true,
      lines: ['Patch compliance ≥ 98 %: 97.2 %'],
    });
    expect(section(s, '9.3.2 f')).toMatchObject({ available: false });
    expect(section(s, '9.3.2 g').lines).toEqual(['S2/OFI-1: declined']);
  });
  it('says when there is no previous review', () => {
    expect(gatherReviewInputs({ ...sources, previousDecisions: null })[0]!.lines).toEqual([
      'First management review recorded in closeloop.',
    ]);
  });
  it('feeds the context, its changes since the previous review and the climate determination (b, c, e)', () => {
    const s = gatherReviewInputs({ ...sources, context });
    expect(section(s, '9.3.2 b').lines).toEqual([
      '1 of 2 issues recorded or changed since the previous review on 2026-07-01.',
      'Climate change is a relevant issue (determined 2027-02-01): floods threaten availability',
      'External: NIS2',
      'External (climate): Floods near the data centre [new since the previous review]',
    ]);
    expect(section(s, '9.3.2 c').lines).toEqual([
      'Customers: ISO 27001; climate: continuity [new since the previous review]',
      'Regulator: GDPR',
    ]);
    // only feedback between the previous review and this one
    expect(section(s, '9.3.2 e').lines).toEqual(['Customers (2027-04-01): asked for restore tests']);
    const undetermined = gatherReviewInputs({
      ...sources,
      context: { ...context, issues: [], climate: { relevant: null, statement: '', determinedOn: null } },
    });
    expect(section(undetermined, '9.3.2 b')).toMatchObject({ available: false });
  });
  it('feeds the risk assessment, the treatment plan sign-off and the scores (d 2, f)', () => {
    const s = gatherReviewInputs({
      ...sources,
      risks: [
        risk('R-1'),
        risk('R-2', { residualBand: 'high', acceptable: false, signOff: 'awaiting_acceptance' }),
        risk('R-3', { signOff: 'awaiting_approval', reviewOn: '2027-06-30' }),
      ],
      scores: {
        model: 'closeloop-posture/3',
        readiness: 62.5,
        implementation: 48,
        since: { on: '2026-07-02', readiness: 60, implementation: 50.5 },
      },
    });
    expect(section(s, '9.3.2 f').lines).toEqual([
      '3 risks assessed; residual: 2 medium, 1 high; 1 above the acceptance criteria.',
      'Risk treatment plan: 1 of 3 approved by their owners with the residual risk accepted (6.1.3 f).',
      'R-2 Risk R-2: residual risk awaiting the owner’s acceptance',
      'R-3 Risk R-3: treatment plan awaiting the owner’s approval',
      'R-2 Risk R-2: residual high, above acceptance (treatment: modify)',
      'R-3: risk review overdue since 2027-06-30',
    ]);
    expect(section(s, '9.3.2 d 2').lines).toEqual([
      'Readiness score 62.5 / 100, implementation score 48.0 / 100 (closeloop-posture/3).',
      'Since 2026-07-02: readiness +2.5, implementation -2.5 points.',
    ]);
  });
});
