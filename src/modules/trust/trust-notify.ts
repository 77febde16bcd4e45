import type { OrgContext } from '../context.ts';
import { whenCommitted } from '../context.ts';
import { owners } from './trust.repository.ts';

// Mails of the trust page, always sent after the commit (SQLite has one connection, and a mail must not
// announce a change that rolled back).

export async function notifyOwners(ctx: OrgContext, subject: string, text: string) {
  await whenCommitted(ctx, async (c) => {
    for (const to of await owners(c.db, c.organisation.id))
      await c.env.mailer.send({ to, subject, text, organisationId: c.organisation.id });
  });
}

export async function mailVisitor(ctx: OrgContext, to: string, subject: string, text: string) {
  await whenCommitted(ctx, (c) =>
    c.env.mailer.send({ to, subject, text, organisationId: c.organisation.id }),
  );
}

export const pageUrl = (ctx: OrgContext) => `${ctx.env.publicUrl}/trust/${ctx.organisation.slug}`;
export const adminUrl = (ctx: OrgContext) => `${ctx.env.publicUrl}/o/${ctx.organisation.slug}/trust`;
