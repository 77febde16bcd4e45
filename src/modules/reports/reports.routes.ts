import { z } from 'zod';
import { orgParams } from '../../contracts/common.ts';
import { AppError } from '../../contracts/errors.ts';
import { capRevision, reportKind, reportQuery } from '../../contracts/reports.ts';
import { orgCtx } from '../../http/gate.ts';
import { media } from '../../http/openapi.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import { renderPdf } from '../../reports/pdf.ts';
import { renderXlsx } from '../../reports/xlsx.ts';
import { buildAuditReport, reportFileName } from './audit-reports.ts';
import { approveCap, capRevisions, submitCap } from './cap.service.ts';
import { buildEvidencePackage } from './evidence-package.ts';

export const reportFormats = reportQuery.shape.format.removeDefault().options;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['reports'];
const auditParams = orgParams.extend({ auditRef: z.string().min(1).max(60) });

export function reportsRoutes(app: ZodApp, deps: Pick<ModuleDeps, 'store'>) {
  app.get(
    '/api/v1/orgs/:org/reports/:kind',
    {
      config: { policy: 'report.read' },
      schema: {
        tags,
        summary:
          'Corrective Action Plan, Evidence of Correction, NC statements or the corrective action log, as PDF, XLSX or JSON; the evidence package as ZIP',
        params: orgParams.extend({ kind: reportKind }),
        querystring: reportQuery,
        produces: [media.json, media.pdf, media.xlsx, media.zip],
      },
    },
    async (req, reply) => {
      const { kind } = req.params;
      const { audit, format, revision } = req.query;
      reply.header('cache-control', 'private, no-store');
      if (format === 'zip') {
        if (kind !== 'evidence')
          throw new AppError('validation_failed', 'only the evidence report has a ZIP package', [
            { path: 'querystring/format', message: 'zip is for evidence' },
          ]);
        const pkg = await buildEvidencePackage({ auditRef: audit }, { ...orgCtx(req), store: deps.store });
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', `attachment; filename="${pkg.fileName}"`)
          .send(pkg.stream);
      }
      const doc = await buildAuditReport({ kind, auditRef: audit, revision }, orgCtx(req));
      if (format === 'json') return reply.send(doc);
      const bytes = format === 'pdf' ? await renderPdf(doc) : await renderXlsx(doc);
      return reply
        .header('content-type', format === 'pdf' ? 'application/pdf' : XLSX)
        .header(
          'content-disposition',
          `attachment; filename="${reportFileName(kind, doc, format, audit, revision)}"`,
        )
        .send(bytes);
    },
  );

  app.get(
    '/api/v1/orgs/:org/audits/:auditRef/cap/revisions',
    {
      config: { policy: 'report.read' },
      schema: {
        tags,
        summary: 'Submitted revisions of the Corrective Action Plan',
        params: auditParams,
        response: { 200: z.array(capRevision) },
      },
    },
    async (req) => capRevisions({ auditRef: req.params.auditRef }, orgCtx(req)),
  );

  app.post(
    '/api/v1/orgs/:org/audits/:auditRef/cap/revisions',
    {
      config: { policy: 'cap.submit' },
      schema: {
        tags,
        summary:
          'Submit the Corrective Action Plan as its next revision (refused, naming each NC, while one lacks a correction, a root-cause statement or an owned, dated action)',
        params: auditParams,
        response: { 201: capRevision },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await submitCap({ auditRef: req.params.auditRef }, orgCtx(req))),
  );

  app.post(
    '/api/v1/orgs/:org/audits/:auditRef/cap/revisions/:number/approval',
    {
      config: { policy: 'cap.approve' },
      schema: {
        tags,
        summary: "Record management's approval of a submitted CAP revision",
        params: auditParams.extend({ number: z.coerce.number().int().min(1).max(100_000) }),
        response: { 200: capRevision },
      },
    },
    async (req) => approveCap({ auditRef: req.params.auditRef, number: req.params.number }, orgCtx(req)),
  );
}
