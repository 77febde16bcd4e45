// Types of the clause 10.1 corrective action lifecycle (see lifecycle.ts for the rules; the types that
// name a transition action live there, beside the table the actions come from).

export type Role =
  | 'admin'
  | 'isms_manager'
  | 'action_owner'
  | 'internal_auditor'
  | 'external_auditor'
  | 'viewer';

export type NcStatus =
  | 'open'
  | 'analysing'
  | 'plan_submitted'
  | 'plan_rejected'
  | 'plan_accepted'
  | 'implementing'
  | 'evidence_submitted'
  | 'evidence_rejected'
  | 'verified_internally'
  | 'closed';

export interface NcRecord {
  status: NcStatus;
  /** The certification body accepted the evidence after the latest internal verification. */
  auditorAccepted: boolean;
}

/** What the record holds, for the guards that stop an empty plan or evidence-free submission. */
export interface Readiness {
  hasCorrection: boolean;
  hasRootCause: boolean;
  /** Actions (not cancelled) with an owner and a due date: what a plan can be submitted with (10.2 c). */
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
