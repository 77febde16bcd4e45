import { orgParams, type PageQuery, paged, pageQuery } from '../../contracts/common.ts';
import { mailMessage } from '../../contracts/foundation.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { authorize } from '../authorize.ts';
import { type OrgContext, roleOf } from '../context.ts';
import { listOutbox } from './mail.repository.ts';

const LOOPBACK = /\bhttps?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?(?=\/)/g;

/**
 * A link mailed while the server answered on this machine under another port (the demo is loaded before
 * `serve --port 3102`) points at the address the server answers on now. Links to other hosts stay.
 */
export function relinkLoopback(text: string, publicUrl: string): string {
  if (!/^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/.test(publicUrl)) return text;
  return text.replace(LOOPBACK, publicUrl);
}

/** The outbox: ISMS managers may read the organisation's mail to pass an invitation on; admins also account mail. */
export async function readOutbox(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'mail_outbox.read');
  const withAccountMail = roleOf(ctx) === 'admin';
  const { rows, total } = await listOutbox(ctx.db, ctx.organisation.id, input, withAccountMail);
  return {
    items: rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      body: relinkLoopback(r.body_text, ctx.env.publicUrl),
      status: r.status as 'sent' | 'logged' | 'failed',
      createdAt: r.created_at,
    })),
    page: input.page,
    pageSize: input.pageSize,
    total,
  };
}

export function mailRoutes(app: ZodApp) {
  app.get(
    '/api/v1/orgs/:org/mail-outbox',
    {
      config: { policy: 'mail_outbox.read' },
      schema: {
        tags: ['mail'],
        summary: 'Mail sent or logged (without SMTP, the only copy)',
        params: orgParams,
        querystring: pageQuery,
        response: { 200: paged(mailMessage) },
      },
    },
    async (req) => readOutbox(req.query, orgCtx(req)),
  );
}
