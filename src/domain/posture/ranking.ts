import { isOpenFinding } from './findings-load.ts';
import type { PostureInput } from './model.ts';
import { diff, type Figures, impactOf, taskIndex, withPrerequisites } from './projection.ts';
import { Projector } from './projector.ts';

// Corrective actions ranked by their effect on the scores per day of effort. An action is worth what it
// and its unfinished prerequisites achieve together, divided by their joint effort, so the list never
// recommends work that cannot start; equal values go to the one whose deadline comes first.

export interface RankedAction {
  taskId: string;
  title: string;
  findingId: string;
  findingRef: string;
  grade: string;
  /** Unfinished predecessors that come with it (their effort and effect are included). */
  prerequisites: string[];
  effortDays: number;
  dueOn: string | null;
  delta: Figures;
  after: Figures;
  impactPerDay: number;
}

/**
 * Effort used to rank actions, in working days: an unestimated task (0) counts as half a day, and no task
 * as less than a tenth of a day (48 minutes), so impact per day stays a finite number (the fuzzer stored
 * 5e-324 days, and the dashboard answered 500).
 */
export const MIN_EFFORT_DAYS = 0.1;
export const effortOf = (effortDays: number) =>
  effortDays > 0 ? Math.max(effortDays, MIN_EFFORT_DAYS) : 0.5;

export function rankActions(input: PostureInput, limit = Number.POSITIVE_INFINITY): RankedAction[] {
  const projector = new Projector(input);
  const tasks = taskIndex(input);
  const findings = new Map(input.findings.map((f) => [f.id, f]));
  const ranked: RankedAction[] = [];
  for (const t of tasks.values()) {
    const f = findings.get(t.findingId)!;
    if (t.done || !isOpenFinding(f)) continue;
    const bundle = withPrerequisites(t.id, tasks);
    const after = projector.project({ tasks: bundle });
    const delta = diff(projector.before, after);
    const effortDays = bundle.reduce((sum, id) => sum + effortOf(tasks.get(id)!.effortDays), 0);
    ranked.push({
      taskId: t.id,
      title: t.title,
      findingId: f.id,
      findingRef: f.ref,
      grade: f.grade,
      prerequisites: bundle.filter((id) => id !== t.id),
      effortDays,
      dueOn: t.dueOn,
      delta,
      after,
      impactPerDay: impactOf(delta) / effortDays,
    });
  }
  ranked.sort(
    (a, b) =>
      b.impactPerDay - a.impactPerDay ||
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
      a.findingRef.localeCompare(b.findingRef) ||
      a.title.localeCompare(b.title),
  );
  return ranked.slice(0, limit);
}
