import { z } from 'zod';
import { id, orgParams, paged, pageQuery } from '../../contracts/common.ts';
import { member, updateMemberRequest } from '../../contracts/foundation.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as service from './members.service.ts';

const memberParams = orgParams.extend({ memberId: id });

export function membersRoutes(app: ZodApp) {
  app.get(
    '/api/v1/orgs/:org/members',
    {
      config: { policy: 'member.read' },
      schema: {
        tags: ['members'],
        summary: 'List members',
        params: orgParams,
        querystring: pageQuery,
        response: { 200: paged(member) },
      },
    },
    async (req) => service.listMembers(req.query, orgCtx(req)),
  );
  app.patch(
    '/api/v1/orgs/:org/members/:memberId',
    {
      config: { policy: 'member.update' },
      schema: {
        tags: ['members'],
        summary: "Change a member's role",
        params: memberParams,
        body: updateMemberRequest,
        response: { 200: member },
      },
    },
    async (req) => service.changeRole({ memberId: req.params.memberId, role: req.body.role }, orgCtx(req)),
  );
  app.delete(
    '/api/v1/orgs/:org/members/:memberId',
    {
      config: { policy: 'member.remove' },
      schema: {
        tags: ['members'],
        summary: 'Remove a member',
        params: memberParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.removeMember({ memberId: req.params.memberId }, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
}
