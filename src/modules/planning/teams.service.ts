import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { teamInput, teamUpdate } from '../../contracts/planning.ts';
import { authorize } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import { membershipOfUser } from '../members/index.ts';
import * as repo from './teams.repository.ts';

// Teams group people for capacity: a team can give the sum of its members' remediation time, and the
// workload view shows a team's planned days against that sum.

async function checkMembers(tx: ChangeContext, ids: string[]) {
  for (const [i, id] of ids.entries())
    if (!(await membershipOfUser(tx.db, tx.organisation.id, id)))
      throw new AppError('validation_failed', 'a team is made of members of this organisation', [
        { path: `body/memberIds/${i}`, message: 'not a member' },
      ]);
}

async function uniqueName(tx: ChangeContext, name: string, except?: string) {
  const other = await repo.findTeamByName(tx.db, tx.organisation.id, name);
  if (other && other.id !== except) throw new AppError('conflict', `a team named "${name}" exists already`);
}

export async function createTeam(input: z.infer<typeof teamInput>, ctx: OrgContext) {
  authorize(ctx, 'plan.manage');
  return inTransaction(ctx, async (tx) => {
    await uniqueName(tx, input.name);
    await checkMembers(tx, input.memberIds);
    const id = randomUUID();
    await repo.insertTeam(tx.db, {
      id,
      organisation_id: tx.organisation.id,
      name: input.name,
      created_at: tx.now().toISOString(),
    });
    const members = [...new Set(input.memberIds)];
    await repo.setTeamMembers(tx.db, tx.organisation.id, id, members);
    await tx.audit({ action: 'team.create', entityType: 'team', entityId: id, data: input });
    return { id, name: input.name, memberIds: members };
  });
}

export async function updateTeam(input: z.infer<typeof teamUpdate> & { teamId: string }, ctx: OrgContext) {
  authorize(ctx, 'plan.manage');
  return inTransaction(ctx, async (tx) => {
    if (!(await repo.findTeam(tx.db, tx.organisation.id, input.teamId))) throw notFound('team');
    await uniqueName(tx, input.name, input.teamId);
    await checkMembers(tx, input.memberIds);
    const members = [...new Set(input.memberIds)];
    await repo.renameTeam(tx.db, tx.organisation.id, input.teamId, input.name);
    await repo.setTeamMembers(tx.db, tx.organisation.id, input.teamId, members);
    await tx.audit({
      action: 'team.update',
      entityType: 'team',
      entityId: input.teamId,
      data: { name: input.name, memberIds: members },
    });
    return { id: input.teamId, name: input.name, memberIds: members };
  });
}

export async function deleteTeam(input: { teamId: string }, ctx: OrgContext) {
  authorize(ctx, 'plan.manage');
  await inTransaction(ctx, async (tx) => {
    const team = await repo.findTeam(tx.db, tx.organisation.id, input.teamId);
    if (!team) throw notFound('team');
    await repo.deleteTeam(tx.db, tx.organisation.id, team.id);
    await tx.audit({
      action: 'team.delete',
      entityType: 'team',
      entityId: team.id,
      data: { name: team.name },
    });
  });
}
