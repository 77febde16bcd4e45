import type { Grade } from '../../vocabulary/grades.ts';
import type { FindingStatus } from '../../vocabulary/statuses.ts';
import type { DocumentState } from '../isms/documents.ts';
import type { ImplementationStatus } from '../isms/soa.ts';

// The posture model's inputs and its constants. Every figure the product shows is computed from these
// by `scorePosture` (score.ts); the model is versioned so that recorded history stays comparable: a change
// of any weight below is a new MODEL_VERSION, and snapshots keep the version they were computed with.

// /2 (issue #13): an opportunity for improvement is not a nonconformity, so it never lowers a score and
// declining one never raises it (ISO/IEC 27001:2022 10.1 vs 10.2). Points recorded as /1 stay readable.
// /3 (issue #13): closeloop's own readiness and implementation scores, both 0–100 (no 0–950 scale); open
// findings reduce a score by a share of what is in place, so an empty organisation scores 0. Snapshots of
// /1 and /2 are kept with their version, their posture carried over as ÷ 9.5 (migration 0018).
// /4 (issue #13): the organisation's own applicable controls of the SoA (6.1.3 b NOTE 1) count beside the
// Annex A ones, with the same shares and factors; the implementation score credits only what is in place
// (IMPLEMENTED_FACTOR: a planned control is not implemented), the readiness score still credits a plan.
export const MODEL_VERSION = 'closeloop-posture/4';

/** The Annex A theme of a control; `other` for the organisation's own controls (6.1.3 b NOTE 1). */
export type Theme = 'organizational' | 'people' | 'physical' | 'technological' | 'other';

export interface PostureControl {
  id: string;
  title: string;
  theme: Theme;
  /** From the SoA in force (ISO/IEC 27001:2022 6.1.3 d); without an SoA every control counts, not started. */
  applicable: boolean;
  status: ImplementationStatus;
  /** ISO/IEC 27002:2022 attributes: cybersecurity concepts and information security properties. */
  concepts: string[];
  properties: string[];
}

export interface PostureDocument {
  key: string;
  clause: string;
  title: string;
  state: DocumentState;
}

export interface PostureRisk {
  ref: string;
  residualScore: number;
  maxScore: number;
  controls: string[];
}

export interface PostureTask {
  id: string;
  title: string;
  effortDays: number;
  done: boolean;
  /** Open or done predecessors (finish-to-start). */
  predecessors: string[];
  /** The finding deadline the task serves, as a date, for ordering the fastest path. */
  dueOn: string | null;
}

export interface PostureFinding {
  id: string;
  ref: string;
  grade: Grade;
  status: FindingStatus;
  /** Requirement labels as findings store them: `A.8.8` for a control, `9.2` for a clause. */
  requirements: string[];
  overdue: boolean;
  tasks: PostureTask[];
}

export interface PostureInput {
  controls: PostureControl[];
  documents: PostureDocument[];
  risks: PostureRisk[];
  findings: PostureFinding[];
}

/** Share of a control's weight earned in the readiness score at each implementation status. */
export const IMPLEMENTATION_FACTOR: Record<ImplementationStatus, number> = {
  implemented: 1,
  partial: 0.5,
  planned: 0.2,
  not_started: 0,
};

/**
 * Share of a control's weight earned in the implementation score and its attribute coverage: only what is
 * in operation counts (a planned control is not implemented, whatever the plan), Annex A and own alike.
 */
export const IMPLEMENTED_FACTOR: Record<ImplementationStatus, number> = {
  implemented: 1,
  partial: 0.5,
  planned: 0,
  not_started: 0,
};

/** Share of a mandatory document's weight earned in each state (clause 7.5: available, approved, current). */
export const DOCUMENT_FACTOR: Record<DocumentState, number> = {
  ok: 1,
  review_due: 1,
  review_overdue: 0.5,
  unapproved: 0.4,
  missing: 0,
};

/**
 * Load of an open finding before progress. A major is ten minors: with the progress floor below, the
 * least load a major can carry (10 × 0.2 = 2) stays above the most a minor can (1 × 1.5), so closing a
 * major always moves the scores more than closing a minor in any state. OFIs carry no load: they are
 * suggestions, not requirements unmet.
 */
export const GRADE_LOAD: Record<Grade, number> = {
  major: 10,
  minor: 1,
  ofi: 0,
  observation: 0,
  positive: 0,
};
export const OVERDUE_MULTIPLIER = 1.5;
/** Progress credit: an accepted plan, evidence submitted, and the share of corrective work done. */
export const PLAN_CREDIT = 0.1;
export const EVIDENCE_CREDIT = 0.1;
export const WORK_CREDIT = 0.6;
/** Progress never removes more than this share of the load: only closure removes a finding. */
export const MAX_PROGRESS = 0.8;
/** Scale of the findings terms: with total load L the allowance kept is exp(-L / FINDINGS_SCALE). */
export const FINDINGS_SCALE = 12;

/**
 * Readiness score (0–100): how far the ISMS is ready for certification. Points for the applicable controls
 * of the SoA, Annex A and the organisation's own alike (equal shares) and for the mandatory documented information of clauses 4–10 (equal shares).
 */
export const READINESS_WEIGHTS = { controls: 50, documents: 50 } as const;
/**
 * Implementation score (0–100): how far the controls are implemented where the risk is. Points for the
 * applicable controls weighted by the residual risk they treat, and for the coverage of the ISO/IEC
 * 27002:2022 attributes (five cybersecurity concepts and three security properties, equal shares).
 */
export const IMPLEMENTATION_WEIGHTS = { controls: 60, attributes: 40 } as const;
/**
 * Open nonconformities take away at most this share of each score: with total load L the score keeps
 * base × (1 − FINDINGS_PENALTY × (1 − exp(−L / FINDINGS_SCALE))). A multiplier, not an allowance, so that
 * an organisation with nothing in place scores 0 and no finding can ever add points.
 */
export const FINDINGS_PENALTY = 0.4;
/** A control's weight in the implementation score: 1 plus this times the normalised residual risk it treats. */
export const RISK_WEIGHT = 3;

export const CONCEPTS = ['identify', 'protect', 'detect', 'respond', 'recover'] as const;
export const PROPERTIES = ['confidentiality', 'integrity', 'availability'] as const;

export const PLAN_ACCEPTED_STATUSES = new Set([
  'plan_accepted',
  'implementing',
  'evidence_submitted',
  'evidence_rejected',
  'verified_internally',
]);
export const EVIDENCE_STATUSES = new Set(['evidence_submitted', 'verified_internally']);
