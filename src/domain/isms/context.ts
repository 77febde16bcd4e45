// Context of the organisation (ISO/IEC 27001:2022 4.1 external and internal issues, 4.2 interested
// parties and their requirements), with the climate-change additions of ISO/IEC 27001:2022/Amd 1:2024:
// 4.1 "The organization shall determine whether climate change is a relevant issue", and 4.2 NOTE 2
// "Relevant interested parties can have requirements related to climate change". Pure.

export interface ContextIssue {
  kind: 'external' | 'internal';
  text: string;
  /** The issue is (part of) the climate-change determination. */
  climate: boolean;
  recordedOn: string;
}

export interface InterestedParty {
  name: string;
  requirements: string;
  /** Climate-related requirements of this party (4.2 NOTE 2, Amd 1:2024); empty when none. */
  climateRequirements: string;
  recordedOn: string;
}

export interface PartyFeedback {
  party: string;
  receivedOn: string;
  summary: string;
}

export interface ClimateDetermination {
  /** null until the organisation has determined it (4.1, Amd 1:2024). */
  relevant: boolean | null;
  statement: string;
  determinedOn: string | null;
}

export interface IsmsContext {
  issues: ContextIssue[];
  parties: InterestedParty[];
  feedback: PartyFeedback[];
  climate: ClimateDetermination;
}

export interface ContextProblem {
  path: string;
  message: string;
}

/** What an auditor would refuse in the recorded context; empty when it can be kept. */
export function contextProblems(c: IsmsContext, today: string): ContextProblem[] {
  const problems: ContextProblem[] = [];
  const { relevant, statement, determinedOn } = c.climate;
  if (relevant !== null) {
    if (statement.trim() === '')
      problems.push({
        path: 'climate/statement',
        message: 'state why climate change is or is not a relevant issue (4.1, Amd 1:2024)',
      });
    if (determinedOn === null)
      problems.push({ path: 'climate/determinedOn', message: 'date the climate-change determination' });
  }
  if (relevant === true && !c.issues.some((i) => i.climate))
    problems.push({
      path: 'issues',
      message: 'climate change is determined relevant: record it among the issues (4.1) and mark it climate',
    });
  if (relevant === false && c.issues.some((i) => i.climate))
    problems.push({
      path: 'climate/relevant',
      message: 'an issue is marked climate while climate change is determined not relevant',
    });
  const dated: [string, string | null][] = [
    ['climate/determinedOn', determinedOn],
    ...c.issues.map((i, n): [string, string] => [`issues/${n}/recordedOn`, i.recordedOn]),
    ...c.parties.map((p, n): [string, string] => [`parties/${n}/recordedOn`, p.recordedOn]),
    ...c.feedback.map((f, n): [string, string] => [`feedback/${n}/receivedOn`, f.receivedOn]),
  ];
  for (const [path, on] of dated)
    if (on !== null && on > today) problems.push({ path, message: 'cannot be dated after today' });
  return problems;
}

/** The gaps the context page shows until they are filled. */
export function contextGaps(c: IsmsContext): string[] {
  const gaps: string[] = [];
  if (!c.issues.some((i) => i.kind === 'external')) gaps.push('no external issue recorded (4.1)');
  if (!c.issues.some((i) => i.kind === 'internal')) gaps.push('no internal issue recorded (4.1)');
  if (c.parties.length === 0) gaps.push('no interested party recorded (4.2)');
  if (c.climate.relevant === null)
    gaps.push('whether climate change is a relevant issue is not determined (4.1, Amd 1:2024)');
  if (c.climate.relevant === true && !c.parties.some((p) => p.climateRequirements.trim() !== ''))
    gaps.push('no interested party’s climate-related requirements recorded (4.2, Amd 1:2024)');
  return gaps;
}

/** A one-line statement of the climate determination, for the management review and reports. */
export function climateLine(c: ClimateDetermination): string {
  if (c.relevant === null)
    return 'Climate change: not yet determined whether it is a relevant issue (4.1, Amd 1:2024).';
  return `Climate change ${c.relevant ? 'is' : 'is not'} a relevant issue (determined ${c.determinedOn ?? 'undated'}): ${c.statement}`;
}
