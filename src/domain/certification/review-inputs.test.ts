import { describe, expect, it } from 'vitest';
import { gatherReviewInputs, type ReviewSources } from './review-inputs.ts';

const sources: ReviewSources = {
  heldOn: '2027-07-01',
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
  risks: null,
  objectives: ['Patch compliance ≥ 98 %: 97.2 %'],
  scores: null,
};

describe('management review inputs (9.3.2)', () => {
  it('gathers every input in clause order and says which are not tracked', () => {
    const s = gatherReviewInputs(sources);
    expect(s.map((x) => x.clause)).toEqual([
      '9.3.2 a',
      '9.3.2 d 1',
      '9.3.2 d 2',
      '9.3.2 d 3',
      '9.3.2 d 4',
      '9.3.2 f',
      '9.3.2 g',
    ]);
    expect(s[0]!.lines).toEqual(['Patching: Automate reports — Tom, due 2027-05-01']);
    expect(s[1]!.lines[0]).toBe(
      '3 nonconformities recorded (1 major, 2 minor); 2 open, 1 past their closure date.',
    );
    // the trend lists external audits held by the review date only
    expect(s[1]!.lines.at(-1)).toBe('S2 (stage2, 2027-01-10): 1 major, 1 minor, 1 OFI');
    expect(s[2]).toMatchObject({ available: false });
    expect(s[3]!.lines).toEqual([
      'Internal audit results: 2 conform, 1 minor.',
      'S2: recommended upon action plan',
    ]);
    expect(s[4]).toMatchObject({ available: true, lines: ['Patch compliance ≥ 98 %: 97.2 %'] });
    expect(s[5]).toMatchObject({ available: false });
    expect(s[6]!.lines).toEqual(['S2/OFI-1: declined']);
  });
  it('says when there is no previous review', () => {
    expect(gatherReviewInputs({ ...sources, previousDecisions: null })[0]!.lines).toEqual([
      'First management review recorded in closeloop.',
    ]);
  });
});
