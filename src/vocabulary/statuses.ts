import { z } from 'zod';
import { type Grade, type GradeLifecycle, gradeTraits } from './grades.ts';

// Statuses of findings, corrective actions and plan tasks, each with its `finished` flag: a finished
// finding owes nothing more (no deadline, not overdue, not open on a dashboard). Adding a status fails to
// compile until its traits are written here.

/** Clause 10.2 lifecycle of a nonconformity; OFIs use open/accepted/planned/declined; others are noted. */
export const findingStatuses = [
  'open',
  'analysing',
  'plan_submitted',
  'plan_rejected',
  'plan_accepted',
  'implementing',
  'evidence_submitted',
  'evidence_rejected',
  'verified_internally',
  'closed',
  'accepted',
  'planned',
  'declined',
  'noted',
] as const;
export const findingStatus = z.enum(findingStatuses);
export type FindingStatus = (typeof findingStatuses)[number];

export interface FindingStatusTraits {
  /** Nothing more is owed: closed, declined (an OFI, with its reason) or noted. */
  finished: boolean;
  /** Which lifecycles use the status. */
  lifecycles: readonly GradeLifecycle[];
}

const nc = ['nonconformity'] as const;
export const findingStatusTraits: Record<FindingStatus, FindingStatusTraits> = {
  open: { finished: false, lifecycles: ['nonconformity', 'ofi'] },
  analysing: { finished: false, lifecycles: nc },
  plan_submitted: { finished: false, lifecycles: nc },
  plan_rejected: { finished: false, lifecycles: nc },
  plan_accepted: { finished: false, lifecycles: nc },
  implementing: { finished: false, lifecycles: nc },
  evidence_submitted: { finished: false, lifecycles: nc },
  evidence_rejected: { finished: false, lifecycles: nc },
  verified_internally: { finished: false, lifecycles: nc },
  closed: { finished: true, lifecycles: nc },
  accepted: { finished: false, lifecycles: ['ofi'] },
  planned: { finished: false, lifecycles: ['ofi'] },
  declined: { finished: true, lifecycles: ['ofi'] },
  noted: { finished: true, lifecycles: ['noted'] },
};

/** The finding owes nothing more; unknown strings are treated as not finished (shown, never hidden). */
export const isFinishedFinding = (status: string): boolean =>
  Object.hasOwn(findingStatusTraits, status) && findingStatusTraits[status as FindingStatus].finished;

export const finishedFindingStatuses: FindingStatus[] = findingStatuses.filter(
  (s) => findingStatusTraits[s].finished,
);

/** The clause 10.2 statuses of a nonconformity. */
export type NcStatus = Extract<
  FindingStatus,
  | 'open'
  | 'analysing'
  | 'plan_submitted'
  | 'plan_rejected'
  | 'plan_accepted'
  | 'implementing'
  | 'evidence_submitted'
  | 'evidence_rejected'
  | 'verified_internally'
  | 'closed'
>;

export const findingStatusLabels: Record<FindingStatus, string> = {
  open: 'Open',
  analysing: 'Analysing',
  plan_submitted: 'Plan submitted',
  plan_rejected: 'Plan rejected',
  plan_accepted: 'Plan accepted',
  implementing: 'Implementing',
  evidence_submitted: 'Evidence submitted',
  evidence_rejected: 'Evidence rejected',
  verified_internally: 'Verified internally',
  closed: 'Closed',
  accepted: 'Accepted',
  planned: 'Planned',
  declined: 'Declined',
  noted: 'Noted',
};

/** Corrective actions of a finding and remediation-plan tasks share one status set. */
export const actionStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const actionStatus = z.enum(actionStatuses);
export type ActionStatus = (typeof actionStatuses)[number];

export interface ActionStatusTraits {
  /** No more work: done, or cancelled (cancelled ones do not count as part of the plan). */
  finished: boolean;
  /** Still part of the plan (counts toward "has actions", effort and the schedule). */
  counts: boolean;
}

export const actionStatusTraits: Record<ActionStatus, ActionStatusTraits> = {
  open: { finished: false, counts: true },
  in_progress: { finished: false, counts: true },
  done: { finished: true, counts: true },
  cancelled: { finished: true, counts: false },
};

export const actionStatusLabels: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const finishedActionStatuses: ActionStatus[] = actionStatuses.filter(
  (s) => actionStatusTraits[s].finished,
);
export const isFinishedAction = (s: string): boolean =>
  Object.hasOwn(actionStatusTraits, s) && actionStatusTraits[s as ActionStatus].finished;

/** The status a new finding starts in, decided by its grade's lifecycle. */
export function initialStatus(grade: Grade): FindingStatus {
  switch (gradeTraits[grade].lifecycle) {
    case 'nonconformity':
    case 'ofi':
      return 'open';
    case 'noted':
      return 'noted';
  }
}
