import { invalid } from '../../contracts/errors.ts';
import { type ContextInput, contextInput, type IsmsContextDto } from '../../contracts/isms-context.ts';
import type { IsmsContextTable } from '../../db/schema-isms.ts';
import { climateLine, contextGaps, contextProblems, type IsmsContext } from '../../domain/isms/context.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import * as repo from './isms-context.repository.ts';

// Use-cases of the context of the organisation (ISO/IEC 27001:2022 4.1, 4.2, Amd 1:2024).

const empty: IsmsContext = {
  issues: [],
  parties: [],
  feedback: [],
  climate: { relevant: null, statement: '', determinedOn: null },
};

function fromRow(r: IsmsContextTable | undefined): IsmsContext {
  if (!r) return empty;
  const parsed = contextInput.parse({
    issues: JSON.parse(r.issues_json),
    parties: JSON.parse(r.parties_json),
    feedback: JSON.parse(r.feedback_json),
    climate: {
      relevant: r.climate_relevant === null ? null : Number(r.climate_relevant) === 1,
      statement: r.climate_statement,
      determinedOn: r.determined_on,
    },
  });
  return parsed;
}

/** The context as recorded (empty lists and an undetermined climate question when nothing is). */
export async function contextOf(ctx: Pick<OrgContext, 'db' | 'organisation'>): Promise<IsmsContext> {
  return fromRow(await repo.findContext(ctx.db, ctx.organisation.id));
}

export async function showContext(_input: unknown, ctx: OrgContext): Promise<IsmsContextDto> {
  authorize(ctx, 'context.read');
  return presentContext(ctx);
}

async function presentContext(ctx: OrgContext): Promise<IsmsContextDto> {
  const row = await repo.findContext(ctx.db, ctx.organisation.id);
  const c = fromRow(row);
  return {
    ...c,
    climateLine: climateLine(c.climate),
    gaps: contextGaps(c),
    updatedBy: row?.updated_by ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function saveContext(input: ContextInput, ctx: OrgContext) {
  authorize(ctx, 'context.manage');
  const problems = contextProblems(input, ctx.now().toISOString().slice(0, 10));
  if (problems.length > 0)
    throw invalid(
      problems.map((p) => p.message).join('; '),
      problems.map((p) => ({ path: `body/${p.path}`, message: p.message })),
    );
  await inTransaction(ctx, async (tx) => {
    await repo.saveContext(tx.db, {
      organisation_id: tx.organisation.id,
      issues_json: JSON.stringify(input.issues),
      parties_json: JSON.stringify(input.parties),
      feedback_json: JSON.stringify(input.feedback),
      climate_relevant: input.climate.relevant === null ? null : input.climate.relevant ? 1 : 0,
      climate_statement: input.climate.statement,
      determined_on: input.climate.determinedOn,
      updated_by: tx.actor.label,
      updated_at: tx.now().toISOString(),
    });
    await tx.audit({
      action: 'isms_context.update',
      entityType: 'isms_context',
      entityId: tx.organisation.id,
      data: input,
    });
  });
  return presentContext(ctx);
}
