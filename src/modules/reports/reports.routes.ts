import { z } from 'zod';
import { orgParams } from '../../contracts/common.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { renderPdf } from '../../reports/pdf.ts';
import { renderXlsx } from '../../reports/xlsx.ts';
import { buildAuditReport, reportKinds } from './audit-reports.ts';

export const reportFormats = ['pdf', 'xlsx', 'json'] as const;

export function reportsRoutes(app: ZodApp) {
  app.get(
    '/api/v1/orgs/:org/reports/:kind',
    {
      config: { policy: 'report.read' },
      schema: {
        tags: ['reports'],
        summary:
          'Corrective Action Plan, Evidence of Correction, NC statements or the corrective action log, as PDF, XLSX or JSON',
        params: orgParams.extend({ kind: z.enum(reportKinds) }),
        querystring: z.object({
          audit: z.string().max(60).optional(),
          format: z.enum(reportFormats).default('pdf'),
        }),
      },
    },
    async (req, reply) => {
      const doc = await buildAuditReport({ kind: req.params.kind, auditRef: req.query.audit }, orgCtx(req));
      const name = `${req.params.kind}${req.query.audit ? `-${req.query.audit.replace(/[^A-Za-z0-9_-]/g, '_')}` : ''}-${doc.meta.version}`;
      reply.header('cache-control', 'private, no-store');
      if (req.query.format === 'json') return reply.send(doc);
      const pdf = req.query.format === 'pdf';
      const bytes = pdf ? await renderPdf(doc) : await renderXlsx(doc);
      return reply
        .header(
          'content-type',
          pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${name}.${req.query.format}"`)
        .send(bytes);
    },
  );
}
