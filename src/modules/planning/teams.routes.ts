import { z } from 'zod';
import { id, orgParams } from '../../contracts/common.ts';
import { team, teamInput, teamUpdate } from '../../contracts/planning.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as teams from './teams.service.ts';

export function teamsRoutes(app: ZodApp) {
  const tags = ['remediation planner'];
  const one = orgParams.extend({ teamId: id });
  const config = { policy: 'plan.manage' as const };
  app.post(
    '/api/v1/orgs/:org/plan/teams',
    {
      config,
      schema: {
        tags,
        summary: 'Create a team (capacity = its members’)',
        params: orgParams,
        body: teamInput,
        response: { 201: team },
      },
    },
    async (req, reply) => reply.status(201).send(await teams.createTeam(req.body, orgCtx(req))),
  );
  app.put(
    '/api/v1/orgs/:org/plan/teams/:teamId',
    {
      config,
      schema: {
        tags,
        summary: 'Rename a team or set its members',
        params: one,
        body: teamUpdate,
        response: { 200: team },
      },
    },
    async (req) => teams.updateTeam({ ...req.body, teamId: req.params.teamId }, orgCtx(req)),
  );
  app.delete(
    '/api/v1/orgs/:org/plan/teams/:teamId',
    {
      config,
      schema: { tags, summary: 'Delete a team (its people stay)', params: one, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await teams.deleteTeam(req.params, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
}
