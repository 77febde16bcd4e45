// Read model of the planning module for other modules: a task by id (the conversation on it) and the planned
// work of the organisation (the posture's readiness forecast). The repository stays private.
import type { Db } from '../../db/connection.ts';
import * as repo from './planning.repository.ts';

/** A task of the plan: a finding's corrective action or a free task (which may serve a finding). */
export interface PlanTaskRef {
  id: string;
  title: string;
  findingId: string | null;
}

/** The task with this id, whether a corrective action or a free task; undefined when neither. */
export async function taskById(
  db: Db,
  organisationId: string,
  taskId: string,
): Promise<PlanTaskRef | undefined> {
  const t =
    (await repo.findActionById(db, organisationId, taskId)) ??
    (await repo.findFreeTask(db, organisationId, taskId));
  return t && { id: t.id, title: t.title, findingId: t.finding_id };
}

export type PlannedAction = Awaited<ReturnType<typeof repo.planActions>>[number];
export type PlannedFreeTask = Awaited<ReturnType<typeof repo.planFreeTasks>>[number];
export type PlannedDependency = Awaited<ReturnType<typeof repo.listDependencies>>[number];

/** Every open piece of planned work with its dependencies, as the forecast reads it. */
export async function plannedWork(
  db: Db,
  organisationId: string,
): Promise<{ actions: PlannedAction[]; freeTasks: PlannedFreeTask[]; dependencies: PlannedDependency[] }> {
  return {
    actions: await repo.planActions(db, organisationId, null),
    freeTasks: await repo.planFreeTasks(db, organisationId),
    dependencies: await repo.listDependencies(db, organisationId),
  };
}
