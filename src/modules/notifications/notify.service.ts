import { type OrgContext, whenCommitted } from '../context.ts';
import { memberContact } from './notifications.repository.ts';

// Immediate notifications: assignments, status changes and @mentions. They are sent after the change has
// committed (a rolled-back change must not announce itself) and never to the person who made the change.

function planLink(ctx: OrgContext, taskId: string) {
  return `${ctx.env.publicUrl}/o/${ctx.organisation.slug}/plan?task=${encodeURIComponent(taskId)}`;
}

async function sendTo(txOrCtx: OrgContext, userId: string, subject: string, text: string) {
  if (userId === txOrCtx.actor.userId) return;
  await whenCommitted(txOrCtx, (ctx) => deliver(ctx, userId, subject, text));
}

async function deliver(ctx: OrgContext, userId: string, subject: string, text: string) {
  const who = await memberContact(ctx.db, ctx.organisation.id, userId);
  if (!who) return;
  await ctx.env.mailer.send({
    to: who.email,
    subject: `[${ctx.organisation.name}] ${subject}`,
    text: `Hello ${who.name},\n\n${text}\n\n— closeloop`,
    organisationId: ctx.organisation.id,
  });
}

export async function notifyAssignment(ctx: OrgContext, taskId: string, title: string, ownerId: string) {
  await sendTo(
    ctx,
    ownerId,
    `Assigned to you: ${title}`,
    `${ctx.actor.label} assigned you the remediation task "${title}".\n\nOpen it: ${planLink(ctx, taskId)}`,
  );
}

export async function notifyStatusChange(
  ctx: OrgContext,
  taskId: string,
  title: string,
  from: string,
  to: string,
  ownerId: string | null,
) {
  if (!ownerId) return;
  await sendTo(
    ctx,
    ownerId,
    `${title}: ${to.replace('_', ' ')}`,
    `${ctx.actor.label} moved "${title}" from ${from.replace('_', ' ')} to ${to.replace('_', ' ')}.\n\n${planLink(ctx, taskId)}`,
  );
}

export async function notifyMentions(
  ctx: OrgContext,
  userIds: string[],
  where: { title: string; link: string },
  body: string,
) {
  const excerpt = body.length > 600 ? `${body.slice(0, 600)}…` : body;
  for (const id of new Set(userIds))
    await sendTo(
      ctx,
      id,
      `${ctx.actor.label} mentioned you on ${where.title}`,
      `${ctx.actor.label} wrote:\n\n${excerpt
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n')}\n\nReply: ${where.link}`,
    );
}

/** The finding's owner learns each move of its lifecycle (sent back, accepted, closed…) they did not make. */
export async function notifyFindingStatus(
  ctx: OrgContext,
  finding: { id: string; ref: string; owner_user_id: string | null },
  from: string,
  to: string,
  comment: string | undefined,
) {
  if (!finding.owner_user_id) return;
  const link = `${ctx.env.publicUrl}/o/${ctx.organisation.slug}/findings/${finding.id}`;
  await sendTo(
    ctx,
    finding.owner_user_id,
    `${finding.ref}: ${to.replaceAll('_', ' ')}`,
    `${ctx.actor.label} moved ${finding.ref} from ${from.replaceAll('_', ' ')} to ${to.replaceAll('_', ' ')}.${comment ? `\n\n"${comment}"` : ''}\n\n${link}`,
  );
}

export { planLink };
