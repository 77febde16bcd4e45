import type { ObjectiveDto } from '../../contracts/isms-objectives.ts';
import type { IsmsObjectiveResultTable, IsmsObjectiveTable } from '../../db/schema-objectives.ts';
import {
  isOverdue,
  meetsTarget,
  type Objective,
  progressOf,
  targetText,
} from '../../domain/isms/objectives.ts';

// Which fields of an objective and its results leave the server.

export const asObjective = (r: IsmsObjectiveTable): Objective => ({
  ref: r.ref,
  title: r.title,
  measure: r.measure,
  target: Number(r.target),
  direction: r.direction,
  unit: r.unit,
  owner: r.owner,
  dueOn: r.due_on,
  status: r.status,
});

export function presentObjective(
  r: IsmsObjectiveTable,
  results: readonly IsmsObjectiveResultTable[],
  resultCount: number,
  today: string,
): ObjectiveDto {
  const o = asObjective(r);
  const latest = results[0] ? { measuredOn: results[0].measured_on, value: Number(results[0].value) } : null;
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    policy: r.policy,
    measure: r.measure,
    target: o.target,
    direction: r.direction,
    unit: r.unit,
    targetText: targetText(o),
    plan: r.plan,
    resources: r.resources,
    owner: r.owner,
    dueOn: r.due_on,
    evaluation: r.evaluation,
    status: r.status,
    progress: progressOf(o, latest),
    overdue: isOverdue(o, today),
    results: results.map((x) => ({
      id: x.id,
      measuredOn: x.measured_on,
      value: Number(x.value),
      meetsTarget: meetsTarget(o, Number(x.value)),
      note: x.note,
      recordedBy: x.recorded_by,
      recordedAt: x.recorded_at,
    })),
    resultCount,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}
