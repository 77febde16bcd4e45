import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../contracts/errors.ts';
import {
  type deadlinePolicy,
  deadlinePolicyDefinition,
  type upsertDeadlinePolicy,
} from '../../contracts/findings.ts';
import type { Db } from '../../db/connection.ts';
import { type DeadlinePolicyDefinition, presetPolicies } from '../../domain/deadlines/policy.ts';
import { authorize } from '../authorize.ts';
import type { ChangeContext, OrgContext } from '../context.ts';
import * as repo from './deadline-policies.repository.ts';

type Policy = z.infer<typeof deadlinePolicy>;

/** The presets are copied into each organisation on first use, so an admin can tune them like any policy. */
async function ensurePresets(db: Db, organisationId: string, at: string) {
  const existing = new Set((await repo.listPolicies(db, organisationId)).map((p) => p.key));
  for (const p of presetPolicies) {
    if (existing.has(p.key)) continue;
    await repo.insertPolicy(db, {
      id: randomUUID(),
      organisation_id: organisationId,
      key: p.key,
      name: p.name,
      definition_json: JSON.stringify(p.definition),
      preset: 1,
      updated_at: at,
    });
  }
}

const present = (r: Awaited<ReturnType<typeof repo.listPolicies>>[number]): Policy => ({
  key: r.key,
  name: r.name,
  preset: Boolean(Number(r.preset)),
  definition: deadlinePolicyDefinition.parse(JSON.parse(r.definition_json)),
});

export async function listPolicies(_input: Record<string, never>, ctx: OrgContext): Promise<Policy[]> {
  authorize(ctx, 'deadline_policy.read');
  await ctx.db
    .transaction()
    .execute((trx) => ensurePresets(trx, ctx.organisation.id, ctx.now().toISOString()));
  return (await repo.listPolicies(ctx.db, ctx.organisation.id)).map(present);
}

/** The policy an audit names; its absence is a validation error on the audit, not a 404. */
export async function policyDefinition(
  db: Db,
  organisationId: string,
  key: string,
  at: string,
): Promise<DeadlinePolicyDefinition> {
  await ensurePresets(db, organisationId, at);
  const row = await repo.findPolicy(db, organisationId, key);
  if (!row)
    throw new AppError('validation_failed', `no deadline policy '${key}'`, [
      { path: 'body/policyKey', message: 'unknown policy' },
    ]);
  return deadlinePolicyDefinition.parse(JSON.parse(row.definition_json));
}

/** Saves a policy inside the caller's transaction (the caller also moves the deadlines that follow it). */
export async function upsertPolicyIn(
  tx: ChangeContext,
  input: z.infer<typeof upsertDeadlinePolicy> & { key: string },
) {
  const at = tx.now().toISOString();
  await ensurePresets(tx.db, tx.organisation.id, at);
  const before = await repo.findPolicy(tx.db, tx.organisation.id, input.key);
  const definition_json = JSON.stringify(input.definition);
  if (before)
    await repo.updatePolicy(tx.db, tx.organisation.id, input.key, {
      name: input.name,
      definition_json,
      updated_at: at,
    });
  else {
    await repo.insertPolicy(tx.db, {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      key: input.key,
      name: input.name,
      definition_json,
      preset: 0,
      updated_at: at,
    });
  }
  await tx.audit({
    action: before ? 'deadline_policy.update' : 'deadline_policy.create',
    entityType: 'deadline_policy',
    entityId: input.key,
    data: {
      before: before ? JSON.parse(before.definition_json) : null,
      after: input.definition,
      name: input.name,
    },
  });
  const row = await repo.findPolicy(tx.db, tx.organisation.id, input.key);
  if (!row) throw notFound('deadline policy');
  return present(row);
}
