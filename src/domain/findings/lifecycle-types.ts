// Types of the clause 10.2 corrective action lifecycle (see lifecycle.ts for the rules; the types that
// name a transition action take it as a parameter, bound in lifecycle.ts beside the table of actions).
import type { Role } from '../../vocabulary/roles.ts';
import type { NcStatus } from '../../vocabulary/statuses.ts';
import type { Closer } from './closure.ts';

export type { Role } from '../../vocabulary/roles.ts';
export type { NcStatus } from '../../vocabulary/statuses.ts';

export interface NcRecord {
  status: NcStatus;
  /** The certification body accepted the evidence after the latest internal verification. */
  auditorAccepted: boolean;
  /** Who closes it, from the audit type (closure.ts); the certification body when not given. */
  closer?: Closer | undefined;
}

/** The organisation's review of effectiveness (10.2 d): none yet, planned, or found effective. */
export type EffectivenessState = 'none' | 'planned' | 'effective';

/** What the record holds, for the guards that stop an empty plan or evidence-free submission. */
export interface Readiness {
  hasCorrection: boolean;
  hasRootCause: boolean;
  /** Actions (not cancelled) with an owner and a due date: what a plan can be submitted with (10.2 c). */
  actionCount: number;
  openActionCount: number;
  evidenceCount: number;
  hasEffectivenessCriteria: boolean;
  /** The current review of effectiveness (10.2 d); `none` when not given. */
  effectiveness?: EffectivenessState | undefined;
}

export interface TransitionContext {
  role: Role;
  actorId: string | null;
  comment?: string | undefined;
  decisionDate?: string | undefined;
  note?: string | undefined;
  implementerIds: readonly string[];
  readiness: Readiness;
  /** The day of the transition (ISO date), stamped on the event; the domain reads no clock. */
  today?: string | undefined;
  /** Set by the effectiveness review use-case, the only way to reopen a record found not effective. */
  viaEffectivenessReview?: boolean | undefined;
}

/** What happened, for the record's history (clause 10.2 f–g: documented information). */
export interface TransitionEventOf<A extends string> {
  action: A;
  from: NcStatus;
  to: NcStatus;
  actorId: string | null;
  role: Role;
  on: string | null;
  comment: string | null;
  /** Set when the certification body's decision was recorded by someone else (date and note). */
  recordedDecision: { decisionDate: string; note: string } | null;
}

export type TransitionError =
  | 'transition_not_allowed'
  | 'role_forbidden'
  | 'comment_required'
  | 'verifier_is_implementer'
  | 'auditor_decision_details_required'
  | 'record_incomplete';

export type TransitionResultOf<A extends string> =
  | { ok: true; record: NcRecord; from: NcStatus; auditorDecision: boolean; event: TransitionEventOf<A> }
  | { ok: false; code: TransitionError; message: string };

/** One row of the declarative transition table (lifecycle.ts). */
export interface TransitionSpec {
  label: string | Record<Closer, string>;
  from: NcStatus[];
  to: NcStatus | 'same';
  roles: Role[] | Record<Closer, Role[]>;
  /** Only in these lifecycles (default both): a certification body step does not exist for internal NCs. */
  closers?: Closer[];
  /** Only through the effectiveness review use-case, never offered as a button of its own. */
  viaEffectivenessReview?: boolean;
  /** Sending work back always needs a reason the other side can act on. */
  needsComment?: boolean;
  /**
   * The certification body's own decision (in its lifecycle only); an ISMS manager may record it with the
   * decision's date and a note.
   */
  auditorDecision?: boolean;
  guard?: (ctx: TransitionContext, record: NcRecord) => string | null;
}

export const closerOfRecord = (r: NcRecord): Closer => r.closer ?? 'certification_body';
export const labelOf = (s: TransitionSpec, c: Closer) => (typeof s.label === 'string' ? s.label : s.label[c]);
export const rolesOf = (s: TransitionSpec, c: Closer) => (Array.isArray(s.roles) ? s.roles : s.roles[c]);
export const existsFor = (s: TransitionSpec, c: Closer) => !s.closers || s.closers.includes(c);
/** A decision of the certification body: only in its own lifecycle. */
export const isAuditorDecision = (s: TransitionSpec, c: Closer) =>
  Boolean(s.auditorDecision) && c === 'certification_body';

/** What the external auditor reads on her own decisions: her decision, not one recorded on her behalf (#19). */
export const auditorOwnLabels: Partial<Record<string, string>> = {
  accept_plan: 'Accept this plan',
  reject_plan: 'Reject this plan',
  reject_evidence: 'Reject this evidence',
  record_auditor_acceptance: 'Accept the correction and its evidence',
};
