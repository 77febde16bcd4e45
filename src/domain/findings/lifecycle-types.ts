// Types of the clause 10.1 corrective action lifecycle (see lifecycle.ts for the rules).
import type { Role } from '../../vocabulary/roles.ts';
import type { NcStatus } from '../../vocabulary/statuses.ts';
import type { TransitionAction } from './lifecycle.ts';

export type { Role } from '../../vocabulary/roles.ts';
export type { NcStatus } from '../../vocabulary/statuses.ts';

export interface NcRecord {
  status: NcStatus;
  /** The certification body accepted the evidence after the latest internal verification. */
  auditorAccepted: boolean;
}

/** What the record holds, for the guards that stop an empty plan or evidence-free submission. */
export interface Readiness {
  hasCorrection: boolean;
  hasRootCause: boolean;
  actionCount: number;
  openActionCount: number;
  evidenceCount: number;
  hasEffectivenessCriteria: boolean;
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
}

/** What happened, for the record's history (clause 10.2: retain documented information). */
export interface TransitionEvent {
  action: TransitionAction;
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

export type TransitionResult =
  | { ok: true; record: NcRecord; from: NcStatus; auditorDecision: boolean; event: TransitionEvent }
  | { ok: false; code: TransitionError; message: string };
