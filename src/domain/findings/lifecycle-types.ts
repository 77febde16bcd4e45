// Types of the clause 10.1 corrective action lifecycle (see lifecycle.ts for the rules; the types that
// name a transition action live there, beside the table the actions come from).
import type { Role } from '../../vocabulary/roles.ts';
import type { NcStatus } from '../../vocabulary/statuses.ts';

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
