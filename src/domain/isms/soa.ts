import { controlLabel } from '../../vocabulary/controls.ts';
// Statement of Applicability rules (ISO/IEC 27001:2022 clause 6.1.3 d): for each Annex A control, whether
// it is applicable, why it is included or the justification for excluding it, and whether it is
// implemented. Pure: the catalogue of controls is passed in.

export const implementationStatuses = ['not_started', 'planned', 'partial', 'implemented'] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];

/** Reasons for inclusion an auditor expects to read in an SoA (6.1.3 d, ISO/IEC 27003 guidance). */
export const inclusionReasons = ['risk_treatment', 'legal_regulatory', 'contractual', 'business'] as const;
export type InclusionReason = (typeof inclusionReasons)[number];

export const inclusionReasonLabels: Record<InclusionReason, string> = {
  risk_treatment: 'Risk treatment',
  legal_regulatory: 'Legal or regulatory',
  contractual: 'Contractual',
  business: 'Business requirement / best practice',
};

export interface SoaEntryState {
  controlId: string;
  applicable: boolean;
  reasons: InclusionReason[];
  justification: string;
  status: ImplementationStatus;
  owner: string;
  implementation: string;
  evidence: string[];
  documents: string[];
}

export interface SoaIssue {
  controlId: string;
  field: 'justification' | 'reasons' | 'implementation' | 'status';
  message: string;
}

/**
 * What an auditor would raise against an SoA line. An excluded control needs a justification (6.1.3 d);
 * an applicable one a reason for inclusion; an implemented one something to show for it.
 * `riskLinked` lets risk-register links count as the risk-treatment reason.
 */
export function validateEntry(e: SoaEntryState, riskLinked = false): SoaIssue[] {
  const issues: SoaIssue[] = [];
  const at = controlLabel(e.controlId);
  if (!e.applicable) {
    if (e.justification.trim() === '')
      issues.push({
        controlId: e.controlId,
        field: 'justification',
        message: `${at} is excluded without a justification for the exclusion (clause 6.1.3 d)`,
      });
    if (e.status !== 'not_started')
      issues.push({
        controlId: e.controlId,
        field: 'status',
        message: `${at} is excluded but marked ${e.status.replace('_', ' ')}: exclude it or mark it applicable`,
      });
    return issues;
  }
  if (e.reasons.length === 0 && !riskLinked)
    issues.push({
      controlId: e.controlId,
      field: 'reasons',
      message: `${at} is applicable without a reason for inclusion (risk treatment, legal or regulatory, contractual or business)`,
    });
  if (e.status === 'implemented' && e.implementation.trim() === '' && e.evidence.length === 0)
    issues.push({
      controlId: e.controlId,
      field: 'implementation',
      message: `${at} is marked implemented without any evidence or description of how it is implemented`,
    });
  return issues;
}

export function validateSoa(entries: readonly SoaEntryState[], riskLinked: ReadonlySet<string>): SoaIssue[] {
  return entries.flatMap((e) => validateEntry(e, riskLinked.has(e.controlId)));
}

export interface FieldChange {
  controlId: string;
  field: keyof SoaEntryState;
  before: unknown;
  after: unknown;
}

const compared: (keyof SoaEntryState)[] = [
  'applicable',
  'reasons',
  'justification',
  'status',
  'owner',
  'implementation',
  'evidence',
  'documents',
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-by-field differences between two SoA versions, in catalogue order of `to`. */
export function diffEntries(from: readonly SoaEntryState[], to: readonly SoaEntryState[]): FieldChange[] {
  const before = new Map(from.map((e) => [e.controlId, e]));
  const changes: FieldChange[] = [];
  for (const e of to) {
    const b = before.get(e.controlId);
    for (const field of compared) {
      const was = b ? b[field] : null;
      if (!same(was, e[field])) changes.push({ controlId: e.controlId, field, before: was, after: e[field] });
    }
  }
  return changes;
}

/** Figures for the SoA cover and the posture score. */
export function soaSummary(entries: readonly SoaEntryState[]) {
  const applicable = entries.filter((e) => e.applicable);
  const count = (s: ImplementationStatus) => applicable.filter((e) => e.status === s).length;
  return {
    controls: entries.length,
    applicable: applicable.length,
    excluded: entries.length - applicable.length,
    implemented: count('implemented'),
    partial: count('partial'),
    planned: count('planned'),
    notStarted: count('not_started'),
  };
}
