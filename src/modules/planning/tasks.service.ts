import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { dependencyInput, taskInput, taskUpdate } from '../../contracts/planning.ts';
import type { PlanTaskTable } from '../../db/schema-planning.ts';
import { dependencyCycle } from '../../domain/planning/scenario.ts';
import { authorize } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import { updateAction } from '../corrective-actions/index.ts';
import { findFinding } from '../findings/index.ts';
import { assignableOwner } from '../members/index.ts';
import { notifyAssignment, notifyStatusChange } from '../notifications/index.ts';
import * as repo from './planning.repository.ts';

// Tasks of the plan: free tasks are the planner's own; a corrective action is changed through the
// corrective action use-case, so its record, timeline and independence rules stay in one place.

async function ownerOf(tx: OrgContext, email: string | null | undefined) {
  if (!email) return null;
  return (await assignableOwner(tx.db, tx.organisation.id, email, 'body/ownerEmail')).id;
}

export async function createTask(input: z.infer<typeof taskInput>, ctx: OrgContext) {
  authorize(ctx, 'plan.edit');
  const created = await inTransaction(ctx, async (tx) => {
    if (input.findingId && !(await findFinding(tx.db, tx.organisation.id, input.findingId)))
      throw new AppError('validation_failed', 'no such finding in this organisation', [
        { path: 'body/findingId', message: 'unknown finding' },
      ]);
    const at = tx.now().toISOString();
    const row: PlanTaskTable = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      finding_id: input.findingId,
      title: input.title,
      description: input.description,
      owner_user_id: await ownerOf(tx, input.ownerEmail),
      effort_days: input.effortDays,
      earliest_start_on: input.earliestStart,
      due_on: input.dueOn,
      serves: input.serves,
      status: 'open',
      created_at: at,
      updated_at: at,
    };
    await repo.insertFreeTask(tx.db, row);
    await tx.audit({ action: 'plan_task.create', entityType: 'plan_task', entityId: row.id, data: input });
    return row;
  });
  if (created.owner_user_id) await notifyAssignment(ctx, created.id, created.title, created.owner_user_id);
  return { id: created.id };
}

export async function updateTask(input: z.infer<typeof taskUpdate> & { taskId: string }, ctx: OrgContext) {
  authorize(ctx, 'plan.edit');
  const { taskId, ...change } = input;
  const action = await repo.findActionById(ctx.db, ctx.organisation.id, taskId);
  const before = action ?? (await repo.findFreeTask(ctx.db, ctx.organisation.id, taskId));
  if (!before) throw notFound('task');
  if (action) {
    await updateAction({ ...change, findingId: action.finding_id, actionId: action.id }, ctx);
  } else {
    await inTransaction(ctx, async (tx) => {
      const patch: Parameters<typeof repo.updateFreeTask>[3] = { updated_at: tx.now().toISOString() };
      if (change.title !== undefined) patch.title = change.title;
      if (change.ownerEmail !== undefined) patch.owner_user_id = await ownerOf(tx, change.ownerEmail);
      if (change.effortDays !== undefined) patch.effort_days = change.effortDays;
      if (change.earliestStart !== undefined) patch.earliest_start_on = change.earliestStart;
      if (change.dueOn !== undefined) patch.due_on = change.dueOn;
      if (change.serves !== undefined) patch.serves = change.serves;
      if (change.status !== undefined) patch.status = change.status;
      await repo.updateFreeTask(tx.db, tx.organisation.id, taskId, patch);
      await tx.audit({ action: 'plan_task.update', entityType: 'plan_task', entityId: taskId, data: change });
    });
  }
  const after = action
    ? await repo.findActionById(ctx.db, ctx.organisation.id, taskId)
    : await repo.findFreeTask(ctx.db, ctx.organisation.id, taskId);
  if (after?.owner_user_id && after.owner_user_id !== before.owner_user_id)
    await notifyAssignment(ctx, taskId, before.title, after.owner_user_id);
  if (after && after.status !== before.status)
    await notifyStatusChange(ctx, taskId, before.title, before.status, after.status, after.owner_user_id);
}

export async function deleteTask(input: { taskId: string }, ctx: OrgContext) {
  authorize(ctx, 'plan.edit');
  await inTransaction(ctx, async (tx) => {
    const t = await repo.findFreeTask(tx.db, tx.organisation.id, input.taskId);
    if (!t) {
      if (await repo.findActionById(tx.db, tx.organisation.id, input.taskId))
        throw new AppError(
          'invalid_state',
          'a corrective action is removed from its finding, not from the plan',
        );
      throw notFound('task');
    }
    await repo.deleteFreeTask(tx.db, tx.organisation.id, t.id);
    await tx.audit({
      action: 'plan_task.delete',
      entityType: 'plan_task',
      entityId: t.id,
      data: { title: t.title },
    });
  });
}

async function taskExists(tx: ChangeContext, id: string) {
  return (
    (await repo.findActionById(tx.db, tx.organisation.id, id)) ??
    (await repo.findFreeTask(tx.db, tx.organisation.id, id))
  );
}

/** Finish-to-start dependency; one that would close a loop is refused with the loop named. */
export async function addDependency(input: z.infer<typeof dependencyInput>, ctx: OrgContext) {
  authorize(ctx, 'plan.edit');
  return inTransaction(ctx, async (tx) => {
    const pred = await taskExists(tx, input.predecessorId);
    const succ = await taskExists(tx, input.successorId);
    if (!pred || !succ)
      throw new AppError(
        'validation_failed',
        'both ends of a dependency must be tasks of this organisation',
        [{ path: pred ? 'body/successorId' : 'body/predecessorId', message: 'unknown task' }],
      );
    const existing = await repo.listDependencies(tx.db, tx.organisation.id);
    if (existing.some((d) => d.predecessor_id === pred.id && d.successor_id === succ.id))
      throw new AppError('conflict', `"${succ.title}" already depends on "${pred.title}"`);
    const bySuccessor = new Map<string, { id: string }[]>();
    for (const d of existing)
      bySuccessor.set(d.successor_id, [...(bySuccessor.get(d.successor_id) ?? []), { id: d.predecessor_id }]);
    const nodes = [...new Set(existing.flatMap((d) => [d.predecessor_id, d.successor_id]))].map((id) => ({
      id,
      predecessors: bySuccessor.get(id) ?? [],
    }));
    const cycle = dependencyCycle(nodes, pred.id, succ.id);
    if (cycle) {
      const titles = await Promise.all(cycle.map(async (id) => (await taskExists(tx, id))?.title ?? id));
      throw new AppError(
        'validation_failed',
        `this dependency would form a cycle: ${[...titles, titles[0]].map((t) => `"${t}"`).join(' → ')}`,
        [{ path: 'body/predecessorId', message: 'cycle' }],
      );
    }
    const row = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      predecessor_id: pred.id,
      successor_id: succ.id,
      lag_days: input.lagDays,
      created_at: tx.now().toISOString(),
    };
    await repo.insertDependency(tx.db, row);
    await tx.audit({
      action: 'task_dependency.create',
      entityType: 'task_dependency',
      entityId: row.id,
      data: { predecessor: pred.title, successor: succ.title, lagDays: input.lagDays },
    });
    return { id: row.id, predecessorId: pred.id, successorId: succ.id, lagDays: input.lagDays };
  });
}

export async function removeDependency(input: { dependencyId: string }, ctx: OrgContext) {
  authorize(ctx, 'plan.edit');
  await inTransaction(ctx, async (tx) => {
    const d = await repo.findDependency(tx.db, tx.organisation.id, input.dependencyId);
    if (!d) throw notFound('dependency');
    await repo.deleteDependency(tx.db, tx.organisation.id, d.id);
    await tx.audit({
      action: 'task_dependency.delete',
      entityType: 'task_dependency',
      entityId: d.id,
      data: {},
    });
  });
}
