import { z } from 'zod';
import { id, orgParams, paged, pageQuery, problem, slug } from '../../contracts/common.ts';
import {
  acceptInvitationRequest,
  createdInvitation,
  createInvitationRequest,
  invitation,
  invitationPreview,
} from '../../contracts/foundation.ts';
import { role } from '../../contracts/roles.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import { accountByEmail } from '../accounts/index.ts';
import * as service from './invitations.service.ts';

export function invitationsRoutes(app: ZodApp, deps: ModuleDeps) {
  const tags = ['invitations'];
  app.get(
    '/api/v1/orgs/:org/invitations',
    {
      config: { policy: 'invitation.read' },
      schema: {
        tags,
        summary: 'List invitations',
        params: orgParams,
        querystring: pageQuery,
        response: { 200: paged(invitation) },
      },
    },
    async (req) => service.listInvitations(req.query, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/invitations',
    {
      config: { policy: 'invitation.create' },
      schema: {
        tags,
        summary: 'Invite a person by email',
        params: orgParams,
        body: createInvitationRequest,
        response: { 201: createdInvitation },
      },
    },
    async (req, reply) => reply.status(201).send(await service.inviteMember(req.body, orgCtx(req))),
  );
  app.delete(
    '/api/v1/orgs/:org/invitations/:invitationId',
    {
      config: { policy: 'invitation.revoke' },
      schema: {
        tags,
        summary: 'Revoke a pending invitation',
        params: orgParams.extend({ invitationId: id }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.revokeInvitation({ invitationId: req.params.invitationId }, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/invitations/preview',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'What an invitation link offers',
        body: z.object({ token: z.string().min(20).max(200) }),
        response: { 200: invitationPreview, 404: problem },
      },
    },
    async (req) => {
      const row = await service.pendingInvitation(deps.database.db, req.body.token, new Date());
      return {
        organisationName: row.organisation_name,
        email: row.email,
        role: role.parse(row.role),
        expiresAt: row.expires_at,
        accountExists: Boolean(await accountByEmail(deps.database.db, row.email)),
      };
    },
  );
  app.post(
    '/api/v1/invitations/accept',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Accept an invitation (single use)',
        body: acceptInvitationRequest,
        response: {
          200: z.object({ organisation: z.object({ slug, name: z.string() }), role }),
          401: problem,
          404: problem,
        },
      },
    },
    async (req) => ({
      ...(await service.acceptInvitation(req.body, { ...deps, principal: req.principal })),
    }),
  );
}
