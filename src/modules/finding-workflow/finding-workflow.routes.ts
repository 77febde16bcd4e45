import { z } from 'zod';
import { id, orgParams } from '../../contracts/common.ts';
import { commentRequest, findingDetail, transitionRequest } from '../../contracts/corrective-actions.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { getFindingDetail } from './detail.service.ts';
import { addComment, transitionFinding } from './transitions.service.ts';

export function findingWorkflowRoutes(app: ZodApp) {
  const tags = ['findings'];
  const one = orgParams.extend({ findingId: id });
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
