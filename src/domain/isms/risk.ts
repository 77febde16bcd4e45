// Risk assessment on a likelihood × impact matrix (ISO/IEC 27001:2022 clauses 6.1.2 and 8.2). The
// organisation defines its own scales and acceptance bands (6.1.2 a: risk acceptance criteria); the
// score is likelihood × impact, and the band is the first one whose upper bound holds the score.

export const riskTreatments = ['modify', 'retain', 'avoid', 'share'] as const;
export type RiskTreatment = (typeof riskTreatments)[number];

export interface RiskBand {
  key: string;
  label: string;
  /** Highest score in this band (inclusive). */
  max: number;
  colour: string;
}

export interface RiskMatrix {
  likelihood: string[];
  impact: string[];
  bands: RiskBand[];
  /** Scores above this need a treatment other than retain, or an explicit acceptance by the owner. */
  acceptableMax: number;
}

export const defaultRiskMatrix: RiskMatrix = {
  likelihood: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  impact: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  bands: [
    { key: 'low', label: 'Low', max: 4, colour: 'green' },
    { key: 'medium', label: 'Medium', max: 9, colour: 'yellow' },
    { key: 'high', label: 'High', max: 16, colour: 'orange' },
    { key: 'critical', label: 'Critical', max: 25, colour: 'red' },
  ],
  acceptableMax: 4,
};

/** Problems with a matrix definition, empty when it can be used. */
export function matrixProblems(m: RiskMatrix): string[] {
  const problems: string[] = [];
  if (m.likelihood.length < 2 || m.likelihood.length > 10)
    problems.push('the likelihood scale needs 2 to 10 levels');
  if (m.impact.length < 2 || m.impact.length > 10) problems.push('the impact scale needs 2 to 10 levels');
  const top = m.likelihood.length * m.impact.length;
  for (let i = 1; i < m.bands.length; i++)
    if (m.bands[i]!.max <= m.bands[i - 1]!.max) problems.push('band upper bounds must increase');
  if (m.bands.at(-1)?.max !== top)
    problems.push(`the last band must end at the highest score, ${top} (likelihood × impact)`);
  if (m.acceptableMax < 1 || m.acceptableMax > top)
    problems.push(`the acceptance threshold must be between 1 and ${top}`);
  return problems;
}

export interface Rating {
  likelihood: number;
  impact: number;
}

export function riskScore(m: RiskMatrix, r: Rating): number {
  if (r.likelihood < 1 || r.likelihood > m.likelihood.length)
    throw new RangeError(`likelihood must be 1..${m.likelihood.length}`);
  if (r.impact < 1 || r.impact > m.impact.length)
    throw new RangeError(`impact must be 1..${m.impact.length}`);
  return r.likelihood * r.impact;
}

export function riskBand(m: RiskMatrix, score: number): RiskBand {
  return m.bands.find((b) => score <= b.max) ?? m.bands.at(-1)!;
}

export interface RiskAssessment {
  inherent: Rating;
  residual: Rating;
  treatment: RiskTreatment;
  controls: string[];
}

/** Issues with a risk as assessed: residual above inherent, or modify without any control. */
export function riskProblems(m: RiskMatrix, r: RiskAssessment): string[] {
  const problems: string[] = [];
  if (riskScore(m, r.residual) > riskScore(m, r.inherent))
    problems.push('the residual risk cannot be higher than the inherent risk');
  if (r.treatment === 'modify' && r.controls.length === 0)
    problems.push('a risk treated by modification needs at least one Annex A control (clause 6.1.3 b)');
  return problems;
}

export interface HeatCell {
  likelihood: number;
  impact: number;
  score: number;
  band: string;
  count: number;
  refs: string[];
}

/** Counts of risks per matrix cell, likelihood rows from the top (most likely) down. */
export function heatMap(m: RiskMatrix, risks: readonly { ref: string; rating: Rating }[]): HeatCell[][] {
  const rows: HeatCell[][] = [];
  for (let l = m.likelihood.length; l >= 1; l--) {
    const row: HeatCell[] = [];
    for (let i = 1; i <= m.impact.length; i++) {
      const here = risks.filter((r) => r.rating.likelihood === l && r.rating.impact === i);
      const score = l * i;
      row.push({
        likelihood: l,
        impact: i,
        score,
        band: riskBand(m, score).key,
        count: here.length,
        refs: here.map((r) => r.ref),
      });
    }
    rows.push(row);
  }
  return rows;
}

/** A risk owner's signature on a date (ISO/IEC 27001:2022 6.1.3 f). */
export interface OwnerSignature {
  by: string;
  on: string;
}

export type SignOffState = 'complete' | 'awaiting_approval' | 'awaiting_acceptance';

/**
 * 6.1.3 f: the organisation obtains the risk owners' approval of the risk treatment plan and their
 * acceptance of the residual information security risks. Both are needed before the plan is in force.
 */
export function signOffState(s: {
  treatmentApproval: OwnerSignature | null;
  residualAcceptance: OwnerSignature | null;
}): SignOffState {
  if (s.treatmentApproval === null) return 'awaiting_approval';
  if (s.residualAcceptance === null) return 'awaiting_acceptance';
  return 'complete';
}

/** One name as people write it: case, accents' composition and spacing do not make another person. */
const sameName = (a: string, b: string) => {
  const norm = (x: string) => x.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return norm(a) === norm(b);
};

export interface SignOffProblem {
  field: 'treatmentApproval' | 'residualAcceptance';
  /** `not_risk_owner` when someone other than the risk's owner signed (6.1.3 f). */
  kind: 'dated_after_today' | 'no_owner' | 'not_risk_owner';
  message: string;
}

/**
 * What is wrong with the signatures as recorded: dated in the future, on a risk that names no owner, or
 * signed by someone who is not the risk's owner. 6.1.3 f: it is the risk owners who approve the risk
 * treatment plan and accept the residual risks, not whoever records the register.
 */
export function signOffProblems(
  s: { owner: string; treatmentApproval: OwnerSignature | null; residualAcceptance: OwnerSignature | null },
  today: string,
): SignOffProblem[] {
  const problems: SignOffProblem[] = [];
  for (const [field, sig, what] of [
    ['treatmentApproval', s.treatmentApproval, 'approval of the treatment plan'],
    ['residualAcceptance', s.residualAcceptance, 'acceptance of the residual risk'],
  ] as const) {
    if (sig === null) continue;
    if (sig.on > today)
      problems.push({ field, kind: 'dated_after_today', message: `the ${what} cannot be dated after today` });
    // 6.1.3 f names the risk owner: a risk without an owner has nobody to approve or accept it.
    if (s.owner.trim() === '')
      problems.push({ field, kind: 'no_owner', message: `name the risk owner before recording the ${what}` });
    else if (!sameName(sig.by, s.owner))
      problems.push({
        field,
        kind: 'not_risk_owner',
        message: `the ${what} must be signed by the risk owner, ${s.owner.trim()}, not by ${sig.by.trim()} (6.1.3 f)`,
      });
  }
  return problems;
}
