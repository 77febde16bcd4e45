import { gradeTraits } from '../../vocabulary/grades.ts';
import { isFinishedFinding } from '../../vocabulary/statuses.ts';
import {
  EVIDENCE_CREDIT,
  EVIDENCE_STATUSES,
  GRADE_LOAD,
  MAX_PROGRESS,
  OVERDUE_MULTIPLIER,
  PLAN_ACCEPTED_STATUSES,
  PLAN_CREDIT,
  type PostureFinding,
  WORK_CREDIT,
} from './model.ts';

// How much an open finding weighs on the scores. Clause 10.2 makes the organisation react, correct and
// eliminate the cause; the load falls as that work is done (accepted plan, corrective actions finished,
// evidence submitted) but only closure by the certification body removes it entirely.

export function isOpenFinding(f: Pick<PostureFinding, 'grade' | 'status'>): boolean {
  // Open OFIs are listed (and counted on the dashboard) but carry no load: they never move a score.
  return gradeTraits[f.grade].countsTowardPosture && !isFinishedFinding(f.status);
}

/** Share of the corrective work done, by effort (a task without an estimate counts as one day). */
export function workDone(f: Pick<PostureFinding, 'tasks'>): number {
  if (f.tasks.length === 0) return 0;
  const effort = (t: { effortDays: number }) => (t.effortDays > 0 ? t.effortDays : 1);
  const total = f.tasks.reduce((s, t) => s + effort(t), 0);
  return f.tasks.filter((t) => t.done).reduce((s, t) => s + effort(t), 0) / total;
}

export function progressOf(f: PostureFinding): number {
  const stage =
    (PLAN_ACCEPTED_STATUSES.has(f.status) ? PLAN_CREDIT : 0) +
    (EVIDENCE_STATUSES.has(f.status) ? EVIDENCE_CREDIT : 0);
  return Math.min(MAX_PROGRESS, stage + WORK_CREDIT * workDone(f));
}

export function loadOf(f: PostureFinding): number {
  if (!isOpenFinding(f)) return 0;
  const base = GRADE_LOAD[f.grade] * (f.overdue ? OVERDUE_MULTIPLIER : 1);
  return base * (1 - progressOf(f));
}
