// The remediation plan as the forecast sees it: tasks (corrective actions and free tasks), the people who
// do them with their share of a working day and time off, and the findings whose deadlines the tasks serve.

/** The deadline a task serves: the corrective action plan, the Evidence of Correction, or closure. */
export type Deadline = 'cap' | 'evidence' | 'close';
export const deadlineRank: Record<Deadline, number> = { cap: 0, evidence: 1, close: 2 };

export interface PlanTask {
  id: string;
  title: string;
  findingId: string | null;
  ownerId: string | null;
  /** Effort in working days of one person working full time on it. */
  effortDays: number;
  done: boolean;
  predecessors: { id: string; lagDays: number }[];
  /** The task may not start before this date. */
  earliestStart?: string | null;
  /** An explicit due date of its own, besides the finding's deadline it serves. */
  dueOn?: string | null;
  /** Which of its finding's deadlines the task must meet (default: the Evidence of Correction). */
  serves?: Deadline;
}

export interface PlanPerson {
  id: string;
  name?: string;
  /** Share of a working day available for remediation, 0 < share ≤ 1. */
  share: number;
  /** ISO weekdays the person works (1 = Monday); default Monday to Friday. */
  weekdays?: number[];
  /** Absences, inclusive dates. */
  timeOff?: { from: string; to: string }[];
}

export interface PlanFinding {
  id: string;
  ref: string;
  capDueOn?: string | null;
  evidenceDueOn: string | null;
  closeByOn: string | null;
}

export interface PlanInput {
  tasks: PlanTask[];
  people: PlanPerson[];
  findings: PlanFinding[];
}

export type StartCause =
  | { kind: 'predecessor'; taskId: string }
  | { kind: 'owner'; taskId: string }
  | { kind: 'release' }
  | null;

export interface TaskForecast {
  id: string;
  startOn: string;
  finishOn: string;
  /** Days the owner works on it (effort divided by their share, rounded up). */
  durationDays: number;
  /** On the chain that decides when the whole plan ends. */
  critical: boolean;
  /** Working days between finish and the date the task must meet (negative: late); null when undated. */
  marginDays: number | null;
  dueOn: string | null;
  /** What decided the start: a predecessor, the owner's previous task, or a release date. */
  cause: StartCause;
}

export interface DeadlineMiss {
  deadline: Deadline;
  dueOn: string;
  finishOn: string;
  lateByWorkingDays: number;
  /** Titles of the tasks that push the finish past the deadline, first cause first. */
  chain: string[];
  chainIds: string[];
}

export interface FindingForecast {
  id: string;
  ref: string;
  finishOn: string | null;
  status: 'on_track' | 'at_risk' | 'no_open_tasks';
  misses: DeadlineMiss[];
}

export interface WorkloadWeek {
  weekStart: string;
  /** Days of work planned in that week, counted in person-days at the person's share. */
  plannedDays: number;
  /** Days the person can give remediation that week (share × available days). */
  capacityDays: number;
}

export interface Forecast {
  today: string;
  tasks: TaskForecast[];
  findings: FindingForecast[];
  makespanDays: number;
  finishOn: string | null;
  criticalPath: string[];
  workload: { personId: string; weeks: WorkloadWeek[] }[];
}
