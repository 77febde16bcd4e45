import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { notFound } from '../../contracts/errors.ts';
import { type capacityInput, type timeOffInput, WORKING_DAY_HOURS } from '../../contracts/planning.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { membershipOfUser } from '../members/index.ts';
import * as repo from './planning.repository.ts';

// A person's capacity for remediation: the share of a working day they can give, the weekdays they work
// and their time off. The organisation's holidays apply on top (Settings).

async function member(ctx: OrgContext, userId: string) {
  if (!(await membershipOfUser(ctx.db, ctx.organisation.id, userId))) throw notFound('person');
}

export async function setCapacity(
  input: z.infer<typeof capacityInput> & { userId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'plan.manage');
  const share = input.share ?? (input.hoursPerDay ?? WORKING_DAY_HOURS) / WORKING_DAY_HOURS;
  await inTransaction(ctx, async (tx) => {
    await member(tx, input.userId);
    const weekdays = [...new Set(input.weekdays)].sort();
    await repo.upsertCapacity(tx.db, {
      organisation_id: tx.organisation.id,
      user_id: input.userId,
      share,
      weekdays_json: JSON.stringify(weekdays),
      updated_at: tx.now().toISOString(),
    });
    await tx.audit({
      action: 'capacity.update',
      entityType: 'user',
      entityId: input.userId,
      data: { share, weekdays },
    });
  });
}

export async function addTimeOff(input: z.infer<typeof timeOffInput> & { userId: string }, ctx: OrgContext) {
  authorize(ctx, 'plan.manage');
  return inTransaction(ctx, async (tx) => {
    await member(tx, input.userId);
    const row = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      user_id: input.userId,
      starts_on: input.from,
      ends_on: input.to,
      reason: input.reason,
    };
    await repo.insertTimeOff(tx.db, row);
    await tx.audit({
      action: 'time_off.create',
      entityType: 'user',
      entityId: input.userId,
      data: { from: input.from, to: input.to },
    });
    return { id: row.id, from: row.starts_on, to: row.ends_on, reason: row.reason };
  });
}

export async function removeTimeOff(input: { userId: string; timeOffId: string }, ctx: OrgContext) {
  authorize(ctx, 'plan.manage');
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.deleteTimeOff(tx.db, tx.organisation.id, input.userId, input.timeOffId)))
      throw notFound('time off');
    await tx.audit({ action: 'time_off.delete', entityType: 'user', entityId: input.userId, data: {} });
  });
}
