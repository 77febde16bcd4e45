import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { commentInput } from '../../contracts/collaboration.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { evidenceItem } from '../evidence/index.ts';
import { mentionedIn, notifyMentions, planLink } from '../notifications/index.ts';
import { taskById } from '../planning/index.ts';
import * as repo from './conversations.repository.ts';

// The conversation on a task: threaded comments (a reply names its parent), @mentions that notify by
// mail, and unread markers per person (reading the thread marks it read).

async function taskOf(ctx: OrgContext, taskId: string) {
  const t = await taskById(ctx.db, ctx.organisation.id, taskId);
  if (!t) throw notFound('task');
  return t;
}

const taskTitle = async (ctx: OrgContext, taskId: string) => (await taskOf(ctx, taskId)).title;

export async function readTaskConversation(input: { taskId: string }, ctx: OrgContext) {
  authorize(ctx, 'plan.read');
  await taskTitle(ctx, input.taskId);
  const rows = await repo.listTaskComments(ctx.db, ctx.organisation.id, input.taskId);
  const files = new Map(
    (await repo.commentAttachments(ctx.db, ctx.organisation.id, input.taskId)).map((f) => [f.id, f]),
  );
  const me = ctx.actor.userId;
  const readAt = me ? await repo.lastRead(ctx.db, ctx.organisation.id, me, input.taskId) : null;
  if (me) await repo.markRead(ctx.db, ctx.organisation.id, me, input.taskId, ctx.now().toISOString());
  return {
    items: rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      author: r.author_label,
      body: r.body,
      mentions: JSON.parse(r.mentions_json) as { id: string; name: string }[],
      attachment:
        r.attachment_id && files.has(r.attachment_id)
          ? {
              id: r.attachment_id,
              fileName: files.get(r.attachment_id)!.file_name,
              findingId: files.get(r.attachment_id)!.finding_id,
            }
          : null,
      createdAt: r.created_at,
      unread: r.author_id !== me && (readAt === null || r.created_at > readAt),
    })),
  };
}

export async function commentOnTask(
  input: z.infer<typeof commentInput> & { taskId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'task.comment');
  const task = await taskOf(ctx, input.taskId);
  const title = task.title;
  // An attachment is evidence already uploaded to the task's finding (one content store, one allow-list).
  if (input.attachmentId) {
    const findingId = task.findingId;
    if (!findingId || !(await evidenceItem(ctx.db, ctx.organisation.id, findingId, input.attachmentId)))
      throw new AppError('validation_failed', 'attach a file of this task’s finding', [
        { path: 'body/attachmentId', message: 'not evidence of this task’s finding' },
      ]);
  }
  const mentioned = await mentionedIn(ctx.db, ctx.organisation.id, input.body);
  const row = await inTransaction(ctx, async (tx) => {
    if (
      input.parentId &&
      !(await repo.findTaskComment(tx.db, tx.organisation.id, input.taskId, input.parentId))
    )
      throw new AppError('validation_failed', 'the comment answered is not part of this task', [
        { path: 'body/parentId', message: 'unknown' },
      ]);
    const at = tx.now().toISOString();
    const r = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      task_id: input.taskId,
      parent_id: input.parentId,
      author_id: tx.actor.userId,
      author_label: tx.actor.label,
      body: input.body,
      mentions_json: JSON.stringify(mentioned.map((p) => ({ id: p.id, name: p.name }))),
      attachment_id: input.attachmentId,
      created_at: at,
    };
    await repo.insertTaskComment(tx.db, r);
    if (tx.actor.userId) await repo.markRead(tx.db, tx.organisation.id, tx.actor.userId, input.taskId, at);
    await tx.audit({
      action: 'task.comment',
      entityType: 'task',
      entityId: input.taskId,
      data: { commentId: r.id, mentions: mentioned.map((p) => p.email) },
    });
    return r;
  });
  await notifyMentions(
    ctx,
    mentioned.map((p) => p.id),
    { title: `"${title}"`, link: planLink(ctx, input.taskId) },
    input.body,
  );
  return { id: row.id };
}
