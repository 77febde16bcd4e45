import { z } from 'zod';
import { id, orgParams, paged, pageQuery } from '../../contracts/common.ts';
import { commentRequest, findingDetail, transitionRequest } from '../../contracts/corrective-actions.ts';
import { findingInput, findingQuery, findingSummary, findingUpdate } from '../../contracts/findings.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { getFindingDetail } from './detail.service.ts';
import * as service from './findings.service.ts';
import { addComment, transitionFinding } from './transitions.service.ts';

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
  app.get(
    '/api/v1/orgs/:org/findings/:findingId',
    {
      config: { policy: 'finding.read' },
      schema: {
        tags,
        summary: 'A finding with its corrective action record, evidence and timeline',
        params: one,
        response: { 200: findingDetail },
      },
    },
    async (req) => getFindingDetail(req.params, orgCtx(req)),
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
  app.post(
    '/api/v1/orgs/:org/findings/:findingId/transitions',
    {
      config: { policy: 'finding.transition' },
      schema: {
        tags,
        summary: 'Move the finding along its lifecycle',
        params: one,
        body: transitionRequest,
        response: { 200: z.object({ from: z.string(), to: z.string() }) },
      },
    },
    async (req) => transitionFinding({ ...req.body, findingId: req.params.findingId }, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/findings/:findingId/comments',
    {
      config: { policy: 'finding.comment' },
      schema: {
        tags,
        summary: 'Comment on a finding',
        params: one,
        body: commentRequest,
        response: { 201: z.object({ id }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addComment({ ...req.body, findingId: req.params.findingId }, orgCtx(req))),
  );
}
