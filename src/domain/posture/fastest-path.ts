import { type Grade, isNonconformity } from '../../vocabulary/grades.ts';
import { isOpenFinding } from './findings-load.ts';
import type { PostureInput } from './model.ts';
import { diff, type Figures, impactOf, taskIndex, withPrerequisites } from './projection.ts';
import { Projector } from './projector.ts';
import { effortOf } from './ranking.ts';

// The "fastest path" to a `recommended` certification decision: the recommendation follows from the open
// nonconformities (ISO/IEC 17021-1 9.5: the certification body decides once majors are closed and minors
// have an accepted plan), so their corrective actions — and whatever they wait for — go first, earliest
// deadline first (CAP before evidence before closure), majors before minors on the same date. The rest
// follows by effect per day of effort. The order is then laid on the people's calendars by the planner.

export interface PathStep {
  taskId: string;
  title: string;
  findingId: string;
  findingRef: string;
  grade: string;
  effortDays: number;
  dueOn: string | null;
  /** Needed to close a nonconformity (itself or as a prerequisite of one). */
  forNonconformity: boolean;
  /** Effect of this step on top of the steps before it, and the scores after it. */
  delta: Figures;
  after: Figures;
}

// Among steps due the same day, majors' first: a major must be corrected and verified before certification.
const GRADE_RANK: Record<Grade, number> = { major: 0, minor: 1, ofi: 2, observation: 2, positive: 2 };
const gradeRank = (g: string) => (Object.hasOwn(GRADE_RANK, g) ? GRADE_RANK[g as Grade] : 2);

export function fastestPath(input: PostureInput): PathStep[] {
  const tasks = taskIndex(input);
  const findings = new Map(input.findings.map((f) => [f.id, f]));
  const open = [...tasks.values()].filter((t) => !t.done && isOpenFinding(findings.get(t.findingId)!));
  const needed = new Set<string>();
  for (const t of open)
    if (isNonconformity(findings.get(t.findingId)!.grade))
      for (const id of withPrerequisites(t.id, tasks)) needed.add(id);
  const candidates = [...new Set(open.flatMap((t) => withPrerequisites(t.id, tasks)))].map(
    (id) => tasks.get(id)!,
  );
  const projector = new Projector(input);
  const alone = new Map(
    candidates.map((t) => [
      t.id,
      impactOf(diff(projector.before, projector.project({ tasks: [t.id] }))) / effortOf(t.effortDays),
    ]),
  );
  const keys = new Map(
    candidates.map((t) => [
      t.id,
      [
        needed.has(t.id) ? 0 : 1,
        t.dueOn ?? '9999-12-31',
        gradeRank(findings.get(t.findingId)!.grade),
        -(alone.get(t.id) ?? 0),
        t.id,
      ] as const,
    ]),
  );
  const compare = (a: string, b: string) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  };
  // Among the tasks whose unfinished predecessors are all placed, take the least key (kept sorted).
  const inPlan = new Set(candidates.map((t) => t.id));
  const waiting = new Map(
    candidates.map((t) => [t.id, t.predecessors.filter((p) => inPlan.has(p) && !tasks.get(p)!.done).length]),
  );
  const successors = new Map<string, string[]>();
  for (const t of candidates)
    for (const p of t.predecessors)
      if (inPlan.has(p)) successors.set(p, [...(successors.get(p) ?? []), t.id]);
  const ready: string[] = [];
  const push = (id: string) => {
    let lo = 0;
    let hi = ready.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(ready[mid]!, id) <= 0) lo = mid + 1;
      else hi = mid;
    }
    ready.splice(lo, 0, id);
  };
  for (const t of candidates) if (waiting.get(t.id) === 0) push(t.id);
  const steps: PathStep[] = [];
  const done = new Set<string>();
  const changed = new Map<string, number>();
  let before = projector.before;
  while (ready.length > 0) {
    const id = ready.shift()!;
    const t = tasks.get(id)!;
    const f = findings.get(t.findingId)!;
    done.add(id);
    changed.set(f.id, projector.loadWith(f.id, done));
    const after = projector.withLoads(changed);
    steps.push({
      taskId: id,
      title: t.title,
      findingId: f.id,
      findingRef: f.ref,
      grade: f.grade,
      effortDays: t.effortDays,
      dueOn: t.dueOn,
      forNonconformity: needed.has(id),
      delta: diff(before, after),
      after,
    });
    before = after;
    for (const s of successors.get(id) ?? []) {
      const n = waiting.get(s)! - 1;
      waiting.set(s, n);
      if (n === 0) push(s);
    }
  }
  return steps;
}
