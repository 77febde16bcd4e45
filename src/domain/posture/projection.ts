import type { PostureInput, PostureTask } from './model.ts';
import { type Figures, Projector, type Selection } from './projector.ts';

// What the scores would be if chosen corrective actions, tasks or whole findings were done, computed by
// the same model on a copy of the input, so a projection and the figure recorded once the work is really
// done agree.

export type { Figures, Selection } from './projector.ts';

export interface Projection {
  before: Figures;
  after: Figures;
  delta: Figures;
}

export function applySelection(input: PostureInput, sel: Selection): PostureInput {
  const tasks = new Set(sel.tasks ?? []);
  const findings = new Set(sel.findings ?? []);
  return {
    ...input,
    findings: input.findings.map((f) => ({
      ...f,
      status: findings.has(f.id) ? 'closed' : f.status,
      tasks: f.tasks.map((t) => (tasks.has(t.id) || findings.has(f.id) ? { ...t, done: true } : t)),
    })),
  };
}

export function diff(before: Figures, after: Figures): Figures {
  return {
    readinessScore: after.readinessScore - before.readinessScore,
    implementationScore: after.implementationScore - before.implementationScore,
  };
}

export function project(input: PostureInput, sel: Selection): Projection {
  const p = new Projector(input);
  const after = p.project(sel);
  return { before: p.before, after, delta: diff(p.before, after) };
}

/** One dimensionless measure of impact: both scores on a 0–1 scale, added. */
export const impactOf = (d: Figures) => d.readinessScore / 100 + d.implementationScore / 100;

/** Every task of the plan by id, with the finding it belongs to. */
export function taskIndex(input: PostureInput): Map<string, PostureTask & { findingId: string }> {
  const byId = new Map<string, PostureTask & { findingId: string }>();
  for (const f of input.findings) for (const t of f.tasks) byId.set(t.id, { ...t, findingId: f.id });
  return byId;
}

/** The task and the predecessors not yet done that must come first (transitively), in no set order. */
export function withPrerequisites(id: string, tasks: Map<string, PostureTask>): string[] {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const t = tasks.get(stack.pop()!);
    if (!t || t.done || seen.has(t.id)) continue;
    seen.add(t.id);
    stack.push(...t.predecessors);
  }
  return [...seen];
}
