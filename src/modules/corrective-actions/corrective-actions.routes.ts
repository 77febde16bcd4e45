import { z } from 'zod';
import { id, orgParams } from '../../contracts/common.ts';
import {
  amendment,
  amendmentInput,
  correctiveAction,
  correctiveActionInput,
  correctiveActionUpdate,
  recordUpdate,
} from '../../contracts/corrective-actions.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as service from './corrective-actions.service.ts';

export function correctiveActionsRoutes(app: ZodApp) {
  const tags = ['corrective action record'];
  const config = { policy: 'finding.work' as const };
  const one = orgParams.extend({ findingId: id });
  app.patch(
    '/api/v1/orgs/:org/findings/:findingId/record',
    {
      config,
      schema: {
        tags,
        summary: 'Correction, root cause analysis, expected effect, effectiveness review (clause 10.2)',
        params: one,
        body: recordUpdate,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.updateRecord({ ...req.body, findingId: req.params.findingId }, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/orgs/:org/findings/:findingId/actions',
    {
      config,
      schema: {
        tags,
        summary: 'Add a corrective action',
        params: one,
        body: correctiveActionInput,
        response: { 201: correctiveAction },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.addAction({ ...req.body, findingId: req.params.findingId }, orgCtx(req))),
  );
  app.patch(
    '/api/v1/orgs/:org/findings/:findingId/actions/:actionId',
    {
      config,
      schema: {
        tags,
        summary: 'Update a corrective action',
        params: one.extend({ actionId: id }),
        body: correctiveActionUpdate,
        response: { 200: correctiveAction },
      },
    },
    async (req) =>
      service.updateAction(
        { ...req.body, findingId: req.params.findingId, actionId: req.params.actionId },
        orgCtx(req),
      ),
  );
  app.delete(
    '/api/v1/orgs/:org/findings/:findingId/actions/:actionId',
    {
      config,
      schema: {
        tags,
        summary: 'Remove a corrective action',
        params: one.extend({ actionId: id }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.removeAction(req.params, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/orgs/:org/findings/:findingId/amendments',
    {
      config,
      schema: {
        tags,
        summary: 'Record an ISMS amendment made for this nonconformity',
        params: one,
        body: amendmentInput,
        response: { 201: amendment },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.addAmendment({ ...req.body, findingId: req.params.findingId }, orgCtx(req))),
  );
  app.delete(
    '/api/v1/orgs/:org/findings/:findingId/amendments/:amendmentId',
    {
      config,
      schema: {
        tags,
        summary: 'Remove an ISMS amendment',
        params: one.extend({ amendmentId: id }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.removeAmendment(req.params, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
}
