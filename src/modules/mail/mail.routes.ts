import { orgParams, type PageQuery, paged, pageQuery } from '../../contracts/common.ts';
import { mailMessage } from '../../contracts/foundation.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { listOutbox } from './mail.repository.ts';

export async function readOutbox(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'mail_outbox.read');
  const { rows, total } = await listOutbox(ctx.db, ctx.organisation.id, input);
  return {
    items: rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      body: r.body_text,
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
