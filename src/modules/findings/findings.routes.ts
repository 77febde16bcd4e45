import { z } from 'zod';
import { id, orgParams, paged, pageQuery } from '../../contracts/common.ts';
import { findingInput, findingQuery, findingSummary, findingUpdate } from '../../contracts/findings.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as service from './findings.service.ts';

export function findingsRoutes(app: ZodApp) {
  const tags = ['findings'];
  const one = orgParams.extend({ findingId: id });
  app.get(
    '/api/v1/orgs/:org/findings',
    {
      config: { policy: 'finding.read' },
      schema: {
        tags,
        summary: 'Findings with filters (the corrective action log)',
        params: orgParams,
        querystring: pageQuery.extend(findingQuery.shape),
        response: { 200: paged(findingSummary) },
      },
    },
    async (req) => service.listFindings(req.query, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/audits/:auditRef/findings',
    {
      config: { policy: 'finding.manage' },
      schema: {
        tags,
        summary: 'Record a finding of an audit',
        params: orgParams.extend({ auditRef: z.string().min(1).max(60) }),
        body: findingInput,
        response: { 201: findingSummary },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.createFinding({ ...req.body, auditRef: req.params.auditRef }, orgCtx(req))),
  );
  app.patch(
    '/api/v1/orgs/:org/findings/:findingId',
    {
      config: { policy: 'finding.manage' },
      schema: {
        tags,
        summary: 'Correct a finding as reported',
        params: one,
        body: findingUpdate,
        response: { 200: findingSummary },
      },
    },
    async (req) => service.updateFinding({ ...req.body, findingId: req.params.findingId }, orgCtx(req)),
  );
}
