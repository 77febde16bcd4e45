import type { PageQuery } from '../../contracts/common.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { Role } from '../../contracts/roles.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { presentMember } from './members.presenter.ts';
import * as repo from './members.repository.ts';

export async function listMembers(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'member.read');
  const { rows, total } = await repo.listMembers(ctx.db, ctx.organisation.id, input);
  return { items: rows.map(presentMember), page: input.page, pageSize: input.pageSize, total };
}

// An organisation must always keep one administrator, or nobody could manage members again.
async function assertKeepsAnAdmin(ctx: OrgContext, current: string) {
  if (current === 'admin' && (await repo.countAdmins(ctx.db, ctx.organisation.id)) <= 1) {
    throw new AppError('invalid_state', 'the organisation must keep at least one administrator');
  }
}

export async function changeRole(input: { memberId: string; role: Role }, ctx: OrgContext) {
  authorize(ctx, 'member.update');
  return inTransaction(ctx, async (tx) => {
    const member = await repo.findMember(tx.db, ctx.organisation.id, input.memberId);
    if (!member) throw notFound('member');
    if (member.role !== input.role) {
      if (input.role !== 'admin') await assertKeepsAnAdmin(tx, member.role);
      await repo.setRole(tx.db, ctx.organisation.id, member.id, input.role);
      await tx.audit({
        action: 'member.update',
        entityType: 'membership',
        entityId: member.id,
        data: { email: member.email, from: member.role, to: input.role },
      });
    }
    return presentMember({ ...member, role: input.role });
  });
}

export async function removeMember(input: { memberId: string }, ctx: OrgContext) {
  authorize(ctx, 'member.remove');
  await inTransaction(ctx, async (tx) => {
    const member = await repo.findMember(tx.db, ctx.organisation.id, input.memberId);
    if (!member) throw notFound('member');
    await assertKeepsAnAdmin(tx, member.role);
    await repo.deleteMember(tx.db, ctx.organisation.id, member.id);
    await tx.audit({
      action: 'member.remove',
      entityType: 'membership',
      entityId: member.id,
      data: { email: member.email, role: member.role },
    });
  });
}
