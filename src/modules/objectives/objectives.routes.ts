import { z } from 'zod';
import { orgParams, paged, pageQuery } from '../../contracts/common.ts';
import {
  objective,
  objectiveInput,
  objectiveRef,
  objectiveResultInput,
  objectiveUpdate,
} from '../../contracts/isms-objectives.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as service from './objectives.service.ts';

export function objectivesRoutes(app: ZodApp) {
  const tags = ['information security objectives'];
  const list = '/api/v1/orgs/:org/objectives';
  const item = '/api/v1/orgs/:org/objectives/:objectiveRef';
  const one = orgParams.extend({ objectiveRef });
  app.get(
    list,
    {
      config: { policy: 'objective.read' },
      schema: {
        tags,
        summary: 'Information security objectives (6.2) with their targets and latest results',
        params: orgParams,
        querystring: pageQuery,
        response: { 200: paged(objective) },
      },
    },
    async (req) => service.listObjectives(req.query, orgCtx(req)),
  );
  app.post(
    list,
    {
      config: { policy: 'objective.manage' },
      schema: {
        tags,
        summary: 'Plan an objective: measure, target, what, resources, who, when, evaluation',
        params: orgParams,
        body: objectiveInput,
        response: { 201: objective },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createObjective(req.body, orgCtx(req))),
  );
  app.get(
    item,
    {
      config: { policy: 'objective.read' },
      schema: {
        tags,
        summary: 'One objective with its latest results',
        params: one,
        response: { 200: objective },
      },
    },
    async (req) => service.showObjective({ ref: req.params.objectiveRef }, orgCtx(req)),
  );
  app.patch(
    item,
    {
      config: { policy: 'objective.manage' },
      schema: {
        tags,
        summary: 'Update an objective (achieved only on a result that meets the target)',
        params: one,
        body: objectiveUpdate,
        response: { 200: objective },
      },
    },
    async (req) => service.updateObjective({ ...req.body, ref: req.params.objectiveRef }, orgCtx(req)),
  );
  app.delete(
    item,
    {
      config: { policy: 'objective.manage' },
      schema: {
        tags,
        summary: 'Delete an objective that has no recorded result (one that was measured is withdrawn)',
        params: one,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.deleteObjective({ ref: req.params.objectiveRef }, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${item}/results`,
    {
      config: { policy: 'objective.manage' },
      schema: {
        tags,
        summary: 'Record a result of the objective’s indicator (6.2 d)',
        params: one,
        body: objectiveResultInput,
        response: { 201: objective },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await service.recordObjectiveResult({ ...req.body, ref: req.params.objectiveRef }, orgCtx(req)),
        ),
  );
}
