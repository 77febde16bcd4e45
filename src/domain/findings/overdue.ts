import { isFinishedFinding } from '../../vocabulary/index.ts';
import { daysBetween } from '../calendar/iso-date.ts';

// Which deadline a nonconformity must meet now, and whether it is late. Each step of the clause 10.2
// lifecycle answers one deadline of the policy: the corrective action plan (CAP) until a plan is
// submitted, the Evidence of Correction until evidence is submitted, closure until the record is closed.
// A rejected plan or rejected evidence puts the same deadline back in force (the work is due again).

export interface DeadlineDates {
  capDueOn: string | null;
  evidenceDueOn: string | null;
  closeByOn: string | null;
}

export type DeadlineKind = 'cap' | 'evidence' | 'close';

/** Statuses in which the CAP deadline is in force (and, for queries, the evidence one after them). */
export const statusesBeforePlan = ['open', 'analysing', 'plan_rejected'] as const;
export const statusesBeforeEvidence = [
  ...statusesBeforePlan,
  'plan_submitted',
  'plan_accepted',
  'implementing',
  'evidence_rejected',
] as const;
const BEFORE_PLAN = new Set<string>(statusesBeforePlan);
const BEFORE_EVIDENCE = new Set<string>(statusesBeforeEvidence);

/**
 * The deadline in force for this status. When the policy sets none for the current step, the next one
 * that exists applies (a minor under a plan-only policy has only its CAP date).
 */
export function currentDeadline(status: string, d: DeadlineDates): { kind: DeadlineKind; on: string } | null {
  if (isFinishedFinding(status)) return null; // finished, whatever the grade: nothing is due
  if (BEFORE_PLAN.has(status) && d.capDueOn) return { kind: 'cap', on: d.capDueOn };
  if (BEFORE_EVIDENCE.has(status) && d.evidenceDueOn) return { kind: 'evidence', on: d.evidenceDueOn };
  return d.closeByOn ? { kind: 'close', on: d.closeByOn } : null;
}

/** Late when the deadline in force is before today (a deadline is met on its own day). */
export function isOverdue(status: string, d: DeadlineDates, today: string): boolean {
  const due = currentDeadline(status, d);
  return due !== null && due.on < today;
}

/** Days past the deadline in force; 0 when on time or when nothing is due. */
export function daysOverdue(status: string, d: DeadlineDates, today: string): number {
  const due = currentDeadline(status, d);
  return due === null ? 0 : Math.max(0, daysBetween(due.on, today));
}

/**
 * Age of a finding in calendar days, from the day it was raised (or the report received) until it was
 * closed, or until today while it is open. Raised today is 0 days old.
 */
export function findingAgeDays(raisedOn: string, today: string, closedOn: string | null = null): number {
  return Math.max(0, daysBetween(raisedOn, closedOn ?? today));
}
