import { z } from 'zod';
import { id, orgParams, paged, pageQuery } from '../../contracts/common.ts';
import { apiToken, createApiTokenRequest, createdApiToken } from '../../contracts/foundation.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as service from './api-tokens.service.ts';

export function apiTokensRoutes(app: ZodApp) {
  const tags = ['api tokens'];
  const config = { policy: 'api_token.manage' as const };
  app.get(
    '/api/v1/orgs/:org/api-tokens',
    {
      config,
      schema: {
        tags,
        summary: 'My API tokens',
        params: orgParams,
        querystring: pageQuery,
        response: { 200: paged(apiToken) },
      },
    },
    async (req) => service.listApiTokens(req.query, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/api-tokens',
    {
      config,
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        params: orgParams,
        body: createApiTokenRequest,
        response: { 201: createdApiToken },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createApiToken(req.body, orgCtx(req))),
  );
  app.delete(
    '/api/v1/orgs/:org/api-tokens/:tokenId',
    {
      config,
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: orgParams.extend({ tokenId: id }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.revokeApiToken({ tokenId: req.params.tokenId }, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
}
