import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { PlanChange, scenarioInput, scenarioUpdate } from '../../contracts/planning.ts';
import { applyChanges, compareForecasts, PlanChangeError } from '../../domain/planning/scenario.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { membershipOfUser } from '../members/index.ts';
import { setCapacity } from './people.service.ts';
import { loadPlanData, runForecast } from './plan.service.ts';
import * as repo from './planning.repository.ts';
import * as scenarioRepo from './scenarios.repository.ts';
import { addDependency, removeDependency, updateTask } from './tasks.service.ts';

// What-if scenarios: a named list of changes, forecast on a copy of the plan and compared with the
// current forecast side by side. Applying writes each change through the ordinary use-cases (so each is
// validated and audited as if made by hand); discarding keeps the scenario for the record.

type Row = NonNullable<Awaited<ReturnType<typeof scenarioRepo.findScenario>>>;
const present = (r: Row) => ({
  id: r.id,
  name: r.name,
  status: r.status as 'open' | 'applied' | 'discarded',
  changes: JSON.parse(r.changes_json) as PlanChange[],
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listScenarios(_input: Record<string, never>, ctx: OrgContext) {
  authorize(ctx, 'plan.read');
  return { items: (await scenarioRepo.listScenarios(ctx.db, ctx.organisation.id)).map(present) };
}

async function open(ctx: OrgContext, id: string) {
  const row = await scenarioRepo.findScenario(ctx.db, ctx.organisation.id, id);
  if (!row) throw notFound('scenario');
  return row;
}

export async function createScenario(input: z.infer<typeof scenarioInput>, ctx: OrgContext) {
  authorize(ctx, 'plan.manage');
  return inTransaction(ctx, async (tx) => {
    const at = tx.now().toISOString();
    const row = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      name: input.name,
      changes_json: JSON.stringify(input.changes),
      status: 'open',
      created_by: tx.actor.label,
      created_at: at,
      updated_at: at,
    };
    await scenarioRepo.insertScenario(tx.db, row);
    await tx.audit({ action: 'scenario.create', entityType: 'plan_scenario', entityId: row.id, data: input });
    return present(row);
  });
}

export async function updateScenario(
  input: z.infer<typeof scenarioUpdate> & { scenarioId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'plan.manage');
  return inTransaction(ctx, async (tx) => {
    const row = await open(tx, input.scenarioId);
    if (row.status !== 'open') throw new AppError('invalid_state', `the scenario was ${row.status}`);
    const patch = {
      updated_at: tx.now().toISOString(),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.changes !== undefined ? { changes_json: JSON.stringify(input.changes) } : {}),
    };
    await scenarioRepo.updateScenario(tx.db, tx.organisation.id, row.id, patch);
    await tx.audit({ action: 'scenario.update', entityType: 'plan_scenario', entityId: row.id, data: input });
    return present({ ...row, ...patch });
  });
}

/** The scenario's forecast beside the current one, finding by finding. */
export async function compareScenario(
  input: { scenarioId: string; audit?: string | undefined },
  ctx: OrgContext,
) {
  authorize(ctx, 'plan.read');
  const row = await open(ctx, input.scenarioId);
  const scenario = present(row);
  const loaded = await loadPlanData(ctx, input.audit);
  let changed: typeof loaded.input;
  try {
    changed = applyChanges(loaded.input, scenario.changes);
  } catch (e) {
    if (e instanceof PlanChangeError)
      throw new AppError('validation_failed', e.message, [
        { path: `changes/${e.index}`, message: e.message },
      ]);
    throw e;
  }
  const current = await runForecast(ctx, loaded.input);
  const proposed = await runForecast(ctx, changed);
  const cmp = compareForecasts(current, proposed);
  const known = new Map(loaded.view.people.map((p) => [p.id, p]));
  const people = changed.people
    .map(
      (p) =>
        known.get(p.id) ?? {
          id: p.id,
          name: p.name ?? p.id,
          email: '',
          role: 'placeholder',
          share: p.share,
          weekdays: p.weekdays ?? [1, 2, 3, 4, 5],
          configured: true,
          placeholder: true,
          timeOff: [],
        },
    )
    .map((p) => ({ ...p, share: changed.people.find((c) => c.id === p.id)?.share ?? p.share }));
  return {
    scenario,
    current: cmp.current,
    proposed: cmp.scenario,
    findings: cmp.findings,
    forecast: proposed,
    people,
  };
}

/**
 * Writes the scenario into the plan. Someone added as a placeholder must be a member first: the plan
 * cannot assign work to a person who cannot sign in.
 */
export async function applyScenario(input: { scenarioId: string }, ctx: OrgContext) {
  authorize(ctx, 'plan.manage');
  return inTransaction(ctx, async (tx) => applyInTransaction(input.scenarioId, tx));
}

async function applyInTransaction(scenarioId: string, ctx: OrgContext) {
  const row = await open(ctx, scenarioId);
  if (row.status !== 'open') throw new AppError('invalid_state', `the scenario was ${row.status}`);
  const changes = present(row).changes;
  const loaded = await loadPlanData(ctx);
  applyChangesOrThrow(loaded.input, changes);
  for (const [i, c] of changes.entries()) {
    if (c.kind === 'add_person' && !(await membershipOfUser(ctx.db, ctx.organisation.id, c.personId)))
      throw new AppError(
        'invalid_state',
        `${c.name} is not a member yet: invite them, then name them in the scenario`,
        [{ path: `changes/${i}/personId`, message: 'not a member' }],
      );
  }
  const email = async (userId: string | null) =>
    userId
      ? ((await repo.planMembers(ctx.db, ctx.organisation.id)).find((m) => m.id === userId)?.email ?? null)
      : null;
  for (const c of changes) {
    if (c.kind === 'estimate') await updateTask({ taskId: c.taskId, effortDays: c.effortDays }, ctx);
    else if (c.kind === 'owner')
      await updateTask({ taskId: c.taskId, ownerEmail: await email(c.ownerId) }, ctx);
    else if (c.kind === 'start') await updateTask({ taskId: c.taskId, earliestStart: c.earliestStart }, ctx);
    else if (c.kind === 'capacity' || c.kind === 'add_person')
      await setCapacity({ userId: c.personId, share: c.share, weekdays: [1, 2, 3, 4, 5] }, ctx);
    else if (c.kind === 'add_dependency') await addDependency(c, ctx);
    else {
      const dep = (await repo.listDependencies(ctx.db, ctx.organisation.id)).find(
        (d) => d.predecessor_id === c.predecessorId && d.successor_id === c.successorId,
      );
      if (dep) await removeDependency({ dependencyId: dep.id }, ctx);
    }
  }
  return closeScenario(ctx, row, 'applied');
}

function applyChangesOrThrow(input: Parameters<typeof applyChanges>[0], changes: PlanChange[]) {
  try {
    applyChanges(input, changes);
  } catch (e) {
    if (e instanceof PlanChangeError)
      throw new AppError('validation_failed', e.message, [
        { path: `changes/${e.index}`, message: e.message },
      ]);
    throw e;
  }
}

export async function discardScenario(input: { scenarioId: string }, ctx: OrgContext) {
  authorize(ctx, 'plan.manage');
  const row = await open(ctx, input.scenarioId);
  if (row.status !== 'open') throw new AppError('invalid_state', `the scenario was ${row.status}`);
  return closeScenario(ctx, row, 'discarded');
}

async function closeScenario(ctx: OrgContext, row: Row, status: 'applied' | 'discarded') {
  return inTransaction(ctx, async (tx) => {
    const at = tx.now().toISOString();
    await scenarioRepo.updateScenario(tx.db, tx.organisation.id, row.id, { status, updated_at: at });
    await tx.audit({
      action: `scenario.${status === 'applied' ? 'apply' : 'discard'}`,
      entityType: 'plan_scenario',
      entityId: row.id,
      data: { name: row.name },
    });
    return present({ ...row, status, updated_at: at });
  });
}
