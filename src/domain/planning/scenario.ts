import type { FindingForecast, Forecast, PlanInput, PlanTask } from './model.ts';

// What-if scenarios: a list of changes applied to a copy of the plan, never to the plan itself, so the
// forecast of the scenario can be compared side by side with the current one before anyone commits.

export type PlanChange =
  | { kind: 'estimate'; taskId: string; effortDays: number }
  | { kind: 'owner'; taskId: string; ownerId: string | null }
  | { kind: 'capacity'; personId: string; share: number }
  | { kind: 'add_person'; personId: string; name: string; share: number }
  | { kind: 'start'; taskId: string; earliestStart: string | null }
  | { kind: 'add_dependency'; predecessorId: string; successorId: string; lagDays: number }
  | { kind: 'remove_dependency'; predecessorId: string; successorId: string };

export class PlanChangeError extends Error {
  constructor(
    readonly index: number,
    message: string,
    readonly cycle?: string[],
  ) {
    super(message);
  }
}

/**
 * If adding predecessor → successor closes a loop, the loop in dependency order starting at the
 * predecessor (e.g. [a, b, c] for c → a already reachable); otherwise undefined.
 */
export function dependencyCycle(
  tasks: { id: string; predecessors: { id: string }[] }[],
  predecessorId: string,
  successorId: string,
): string[] | undefined {
  if (predecessorId === successorId) return [predecessorId];
  const successors = new Map<string, string[]>();
  for (const t of tasks)
    for (const p of t.predecessors) successors.set(p.id, [...(successors.get(p.id) ?? []), t.id]);
  // A path successor → … → predecessor already exists: the new edge would close it.
  const parent = new Map<string, string>([[successorId, '']]);
  const queue = [successorId];
  while (queue.length > 0) {
    const cur = queue.shift()!;
    if (cur === predecessorId) {
      const path = [cur];
      for (let p = parent.get(cur)!; p !== ''; p = parent.get(p)!) path.unshift(p);
      return [predecessorId, ...path.slice(0, -1)];
    }
    for (const n of successors.get(cur) ?? [])
      if (!parent.has(n)) {
        parent.set(n, cur);
        queue.push(n);
      }
  }
  return undefined;
}

export function applyChanges(plan: PlanInput, changes: PlanChange[]): PlanInput {
  const tasks = new Map<string, PlanTask>(
    plan.tasks.map((t) => [t.id, { ...t, predecessors: [...t.predecessors] }]),
  );
  const people = new Map(plan.people.map((p) => [p.id, { ...p }]));
  changes.forEach((c, i) => {
    const task = (id: string) => {
      const t = tasks.get(id);
      if (!t) throw new PlanChangeError(i, `change ${i + 1}: no task ${id} in the plan`);
      return t;
    };
    switch (c.kind) {
      case 'estimate':
        task(c.taskId).effortDays = c.effortDays;
        break;
      case 'owner':
        if (c.ownerId && !people.has(c.ownerId))
          throw new PlanChangeError(i, `change ${i + 1}: ${c.ownerId} is not a person of the plan`);
        task(c.taskId).ownerId = c.ownerId;
        break;
      case 'capacity': {
        const p = people.get(c.personId);
        if (!p) throw new PlanChangeError(i, `change ${i + 1}: ${c.personId} is not a person of the plan`);
        p.share = c.share;
        break;
      }
      case 'add_person':
        people.set(c.personId, { ...people.get(c.personId), id: c.personId, name: c.name, share: c.share });
        break;
      case 'start':
        task(c.taskId).earliestStart = c.earliestStart;
        break;
      case 'add_dependency': {
        const succ = task(c.successorId);
        task(c.predecessorId);
        const cycle = dependencyCycle([...tasks.values()], c.predecessorId, c.successorId);
        if (cycle) throw new PlanChangeError(i, `change ${i + 1}: the dependency would form a cycle`, cycle);
        succ.predecessors = [
          ...succ.predecessors.filter((p) => p.id !== c.predecessorId),
          { id: c.predecessorId, lagDays: c.lagDays },
        ];
        break;
      }
      case 'remove_dependency': {
        const succ = task(c.successorId);
        succ.predecessors = succ.predecessors.filter((p) => p.id !== c.predecessorId);
        break;
      }
    }
  });
  return { ...plan, tasks: [...tasks.values()], people: [...people.values()] };
}

export interface FindingComparison {
  id: string;
  ref: string;
  current: Pick<FindingForecast, 'finishOn' | 'status' | 'misses'>;
  scenario: Pick<FindingForecast, 'finishOn' | 'status' | 'misses'>;
  /** Calendar days earlier (negative) or later (positive) in the scenario. */
  shiftDays: number | null;
}

export function compareForecasts(current: Forecast, scenario: Forecast) {
  const other = new Map(scenario.findings.map((f) => [f.id, f]));
  const pick = (f: FindingForecast) => ({ finishOn: f.finishOn, status: f.status, misses: f.misses });
  const findings: FindingComparison[] = current.findings.map((f) => {
    const s = other.get(f.id) ?? f;
    const shiftDays =
      f.finishOn && s.finishOn
        ? Math.round((Date.parse(s.finishOn) - Date.parse(f.finishOn)) / 86_400_000)
        : null;
    return { id: f.id, ref: f.ref, current: pick(f), scenario: pick(s), shiftDays };
  });
  const atRisk = (fs: FindingForecast[]) => fs.filter((f) => f.status === 'at_risk').length;
  return {
    findings,
    current: {
      finishOn: current.finishOn,
      atRisk: atRisk(current.findings),
      makespanDays: current.makespanDays,
    },
    scenario: {
      finishOn: scenario.finishOn,
      atRisk: atRisk(scenario.findings),
      makespanDays: scenario.makespanDays,
    },
  };
}
