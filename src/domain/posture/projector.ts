import { loadOf } from './findings-load.ts';
import { FINDINGS_PENALTY, FINDINGS_SCALE, type PostureFinding, type PostureInput } from './model.ts';
import { scorePosture } from './score.ts';

// Projections without re-scoring everything: doing corrective work or closing findings changes only the
// loads of the findings concerned, so the controls, documents and attributes terms are computed once and
// each projection re-evaluates the findings term from the new total load. Same figures as scoring the
// changed input (a property test checks it), at a cost proportional to the findings touched — which is
// what lets the ranking and the fastest path handle plans of thousands of actions.

export interface Selection {
  tasks?: readonly string[];
  /** Findings taken as closed (all their corrective actions done and the closure accepted). */
  findings?: readonly string[];
}

export interface Figures {
  readinessScore: number;
  implementationScore: number;
}

export class Projector {
  readonly before: Figures;
  private readonly findings: Map<string, PostureFinding>;
  private readonly findingOfTask = new Map<string, string>();
  private readonly loads = new Map<string, number>();
  private readonly totalLoad: number;
  private readonly rest: Figures;

  constructor(input: PostureInput) {
    const s = scorePosture(input);
    this.before = {
      readinessScore: s.exact.readinessScore,
      implementationScore: s.exact.implementationScore,
    };
    this.findings = new Map(input.findings.map((f) => [f.id, f]));
    let total = 0;
    for (const f of input.findings) {
      const l = loadOf(f);
      this.loads.set(f.id, l);
      total += l;
      for (const t of f.tasks) this.findingOfTask.set(t.id, f.id);
    }
    this.totalLoad = total;
    // What is in place before open findings: the findings term is a share of it (model.ts).
    this.rest = { ...s.contributions.bases };
  }

  /** Figures with the loads of some findings replaced. */
  withLoads(changed: ReadonlyMap<string, number>): Figures {
    let total = this.totalLoad;
    for (const [id, load] of changed) total += load - (this.loads.get(id) ?? 0);
    const keptShare = 1 - FINDINGS_PENALTY * (1 - Math.exp(-Math.max(0, total) / FINDINGS_SCALE));
    const clamp = (x: number) => Math.min(100, Math.max(0, x));
    return {
      readinessScore: clamp(this.rest.readinessScore * keptShare),
      implementationScore: clamp(this.rest.implementationScore * keptShare),
    };
  }

  /** A finding's load once the given tasks (of any finding) are done. */
  loadWith(findingId: string, done: ReadonlySet<string>): number {
    const f = this.findings.get(findingId);
    if (!f) return 0;
    return loadOf({ ...f, tasks: f.tasks.map((t) => (done.has(t.id) ? { ...t, done: true } : t)) });
  }

  /** The loads a selection gives the findings it touches. */
  loadsAfter(sel: Selection): Map<string, number> {
    const closed = new Set(sel.findings ?? []);
    const tasks = new Set(sel.tasks ?? []);
    const touched = new Set([...closed]);
    for (const t of tasks) {
      const f = this.findingOfTask.get(t);
      if (f) touched.add(f);
    }
    const loads = new Map<string, number>();
    for (const id of touched)
      if (this.findings.has(id)) loads.set(id, closed.has(id) ? 0 : this.loadWith(id, tasks));
    return loads;
  }

  project(sel: Selection): Figures {
    return this.withLoads(this.loadsAfter(sel));
  }

  findingOf(taskId: string): string | undefined {
    return this.findingOfTask.get(taskId);
  }
}
