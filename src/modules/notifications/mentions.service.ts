import type { OrgContext } from '../context.ts';
import { mentionedIn } from './mentions.read.ts';
import { notifyMentions } from './notify.service.ts';

/** Mentions in a finding's comment (the finding's own thread lives in its timeline). */
export async function notifyFindingMentions(
  ctx: OrgContext,
  finding: { id: string; ref: string },
  body: string,
) {
  const mentioned = await mentionedIn(ctx.db, ctx.organisation.id, body);
  await notifyMentions(
    ctx,
    mentioned.map((p) => p.id),
    {
      title: `finding ${finding.ref}`,
      link: `${ctx.env.publicUrl}/o/${ctx.organisation.slug}/findings/${finding.id}`,
    },
    body,
  );
}
