import type { Objective, ObjectiveResult } from '../../domain/isms/objectives.ts';
import type { OrgContext } from '../context.ts';
import { asObjective } from './objectives.presenter.ts';
import * as repo from './objectives.repository.ts';

// Read models for other capabilities: the management review's input 9.3.2 d 4 and the mandatory
// documented information list (6.2). Helpers composed inside another use-case: they do not authorise.

/** At most this many objectives are read for a review or the documents list (a register, not a log). */
export const OBJECTIVES_READ = 500;

/** Each objective with its latest result on or before `onOrBefore`, by reference. */
export async function objectivesAsOf(
  ctx: Pick<OrgContext, 'db' | 'organisation'>,
  onOrBefore: string,
): Promise<(Objective & { latest: ObjectiveResult | null })[]> {
  const { rows, latest } = await repo.objectivesWithLatest(
    ctx.db,
    ctx.organisation.id,
    onOrBefore,
    OBJECTIVES_READ,
  );
  const by = new Map(
    latest.map((l) => [l.objective_id, { measuredOn: l.measured_on, value: Number(l.value) }]),
  );
  return rows.map((r) => ({ ...asObjective(r), latest: by.get(r.id) ?? null }));
}
