import type { DocumentState } from '../isms/documents.ts';
import type { ImplementationStatus } from '../isms/soa.ts';
import type { Theme } from './model.ts';

// The shape of a scored implementationScore: the two figures, their parts, the per-area views and every contribution.

export interface AreaScore {
  /** `4`…`10` for clauses, the theme name for Annex A. */
  key: string;
  label: string;
  /** 0–100, or null when nothing in the area counts (e.g. every control of a theme excluded). */
  score: number | null;
  /** Share of the area's controls or documents in place, 0–1. */
  inPlace: number | null;
  findingsLoad: number;
  openFindings: number;
}

export interface ControlContribution {
  id: string;
  title: string;
  theme: Theme;
  /** An Annex A control, or one of the organisation's own (6.1.3 b NOTE 1). */
  source: 'annex_a' | 'other';
  applicable: boolean;
  status: ImplementationStatus;
  /** Share earned in the readiness score (IMPLEMENTATION_FACTOR) and in the implementation score (IMPLEMENTED_FACTOR). */
  factor: number;
  implementedFactor: number;
  weight: number;
  risks: string[];
  readinessScore: number;
  implementationScore: number;
}

export interface DocumentContribution {
  key: string;
  clause: string;
  title: string;
  state: DocumentState;
  factor: number;
  readinessScore: number;
}

export interface AttributeContribution {
  kind: 'concept' | 'property';
  dimension: string;
  controls: number;
  coverage: number;
  implementationScore: number;
}

export interface FindingContribution {
  id: string;
  ref: string;
  grade: string;
  status: string;
  overdue: boolean;
  requirements: string[];
  progress: number;
  load: number;
  readinessScore: number;
  implementationScore: number;
}

export interface PostureScores {
  model: string;
  /** 0–100, one decimal. */
  readinessScore: number;
  /** 0–100, one decimal. */
  implementationScore: number;
  exact: { readinessScore: number; implementationScore: number };
  parts: {
    readinessScore: { controls: number; documents: number; findings: number };
    implementationScore: { controls: number; attributes: number; findings: number };
  };
  byClause: AreaScore[];
  byTheme: AreaScore[];
  openFindings: number;
  contributions: {
    /** Each score before open findings: what the findings' shares are taken from. */
    bases: { readinessScore: number; implementationScore: number };
    controls: ControlContribution[];
    documents: DocumentContribution[];
    attributes: AttributeContribution[];
    findings: FindingContribution[];
  };
}
