import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, invalid, notFound } from '../../contracts/errors.ts';
import {
  type objectiveInput,
  type objectiveResultInput,
  type objectiveUpdate,
  RESULTS_SHOWN,
} from '../../contracts/isms-objectives.ts';
import type { IsmsObjectiveResultTable, IsmsObjectiveTable } from '../../db/schema-objectives.ts';
import { type ObjectiveProblem, objectiveProblems, resultProblems } from '../../domain/isms/objectives.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { asObjective, presentObjective } from './objectives.presenter.ts';
import * as repo from './objectives.repository.ts';

// Use-cases of the information security objectives (ISO/IEC 27001:2022 6.2): plan an objective, keep it
// current, record its results over time, and delete one only while nothing was measured (results are
// documented information to retain: an objective that was measured is withdrawn instead).

const today = (ctx: OrgContext) => ctx.now().toISOString().slice(0, 10);

function refuse(problems: ObjectiveProblem[]) {
  if (problems.length > 0)
    throw invalid(
      problems.map((p) => p.message).join('; '),
      problems.map((p) => ({ path: `body/${p.path}`, message: p.message })),
    );
}

async function present(ctx: OrgContext, rows: readonly IsmsObjectiveTable[]) {
  const { results, counts } = await repo.recentResults(
    ctx.db,
    ctx.organisation.id,
    rows.map((r) => r.id),
    RESULTS_SHOWN,
  );
  const n = new Map(counts.map((c) => [c.objectiveId, c.n]));
  return rows.map((r) =>
    presentObjective(
      r,
      results.filter((x) => x.objective_id === r.id),
      n.get(r.id) ?? 0,
      today(ctx),
    ),
  );
}

export async function listObjectives(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'objective.read');
  const { rows, total } = await repo.pageObjectives(ctx.db, ctx.organisation.id, input);
  return { items: await present(ctx, rows), page: input.page, pageSize: input.pageSize, total };
}

export async function showObjective(input: { ref: string }, ctx: OrgContext) {
  authorize(ctx, 'objective.read');
  const r = await repo.findObjectiveByRef(ctx.db, ctx.organisation.id, input.ref);
  if (!r) throw notFound(`objective ${input.ref}`);
  return (await present(ctx, [r]))[0]!;
}

const latestOf = (r: IsmsObjectiveResultTable | undefined) =>
  r ? { measuredOn: r.measured_on, value: Number(r.value) } : null;

export async function createObjective(input: z.infer<typeof objectiveInput>, ctx: OrgContext) {
  authorize(ctx, 'objective.manage');
  await inTransaction(ctx, async (tx) => {
    if (await repo.findObjectiveByRef(tx.db, tx.organisation.id, input.ref))
      throw new AppError('conflict', `an objective ${input.ref} already exists`, [
        { path: 'body/ref', message: 'taken' },
      ]);
    const at = tx.now().toISOString();
    const row: IsmsObjectiveTable = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      ref: input.ref,
      title: input.title,
      policy: input.policy,
      measure: input.measure,
      target: input.target,
      direction: input.direction,
      unit: input.unit,
      plan: input.plan,
      resources: input.resources,
      owner: input.owner,
      due_on: input.dueOn,
      evaluation: input.evaluation,
      status: input.status,
      updated_by: tx.actor.label,
      created_at: at,
      updated_at: at,
    };
    refuse(objectiveProblems(asObjective(row), null));
    await repo.insertObjective(tx.db, row);
    await tx.audit({
      action: 'objective.create',
      entityType: 'isms_objective',
      entityId: row.id,
      data: input,
    });
  });
  return showObjective({ ref: input.ref }, ctx);
}

export async function updateObjective(
  input: z.infer<typeof objectiveUpdate> & { ref: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'objective.manage');
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findObjectiveByRef(tx.db, tx.organisation.id, input.ref);
    if (!before) throw notFound(`objective ${input.ref}`);
    const { ref: _r, dueOn, ...rest } = input;
    const patch: Partial<IsmsObjectiveTable> = {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(dueOn !== undefined ? { due_on: dueOn } : {}),
      updated_by: tx.actor.label,
      updated_at: tx.now().toISOString(),
    };
    const latest = await repo.latestResult(tx.db, tx.organisation.id, before.id);
    refuse(objectiveProblems(asObjective({ ...before, ...patch }), latestOf(latest)));
    await repo.updateObjective(tx.db, tx.organisation.id, before.id, patch);
    await tx.audit({
      action: 'objective.update',
      entityType: 'isms_objective',
      entityId: before.id,
      data: { ref: before.ref, ...rest, ...(dueOn !== undefined ? { dueOn } : {}) },
    });
  });
  return showObjective({ ref: input.ref }, ctx);
}

/** Records a result (6.2 d: monitored); results are kept, never edited (documented information, 6.2). */
export async function recordObjectiveResult(
  input: z.infer<typeof objectiveResultInput> & { ref: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'objective.manage');
  refuse(resultProblems(input, today(ctx)));
  await inTransaction(ctx, async (tx) => {
    const objective = await repo.findObjectiveByRef(tx.db, tx.organisation.id, input.ref);
    if (!objective) throw notFound(`objective ${input.ref}`);
    if (objective.status === 'withdrawn')
      throw new AppError('invalid_state', `objective ${input.ref} is withdrawn: no result is recorded on it`);
    const row: IsmsObjectiveResultTable = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      objective_id: objective.id,
      measured_on: input.measuredOn,
      value: input.value,
      note: input.note,
      recorded_by: tx.actor.label,
      recorded_at: tx.now().toISOString(),
    };
    await repo.insertResult(tx.db, row);
    // An objective marked achieved stays true to its figures: a later result that misses the target is
    // refused until the status says otherwise.
    const latest = await repo.latestResult(tx.db, tx.organisation.id, objective.id);
    refuse(
      objectiveProblems(asObjective(objective), latestOf(latest)).map((p) => ({
        path: 'value',
        message: `${p.message}; change the objective's status first`,
      })),
    );
    await tx.audit({
      action: 'objective.record_result',
      entityType: 'isms_objective',
      entityId: objective.id,
      data: {
        ref: objective.ref,
        resultId: row.id,
        measuredOn: row.measured_on,
        value: row.value,
        note: row.note,
      },
    });
  });
  return showObjective({ ref: input.ref }, ctx);
}

/** Deletes an objective that has no recorded result; one that was measured is withdrawn instead. */
export async function deleteObjective(input: { ref: string }, ctx: OrgContext) {
  authorize(ctx, 'objective.manage');
  await inTransaction(ctx, async (tx) => {
    const objective = await repo.findObjectiveByRef(tx.db, tx.organisation.id, input.ref);
    if (!objective) throw notFound(`objective ${input.ref}`);
    if (await repo.latestResult(tx.db, tx.organisation.id, objective.id))
      throw new AppError(
        'invalid_state',
        `objective ${input.ref} has recorded results, kept as documented information (6.2): set its status to withdrawn instead`,
      );
    await repo.deleteObjective(tx.db, tx.organisation.id, objective.id);
    await tx.audit({
      action: 'objective.delete',
      entityType: 'isms_objective',
      entityId: objective.id,
      data: { ref: objective.ref, title: objective.title },
    });
  });
}
