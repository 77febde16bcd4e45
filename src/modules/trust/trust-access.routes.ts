import { z } from 'zod';
import { id, orgParams } from '../../contracts/common.ts';
import {
  accessLog,
  accessLogQuery,
  createdLink,
  grantInput,
  linkInput,
  requestDecision,
  trustGrant,
  trustRequest,
} from '../../contracts/trust.ts';
import { orgCtx } from '../../http/gate.ts';
import { media } from '../../http/openapi.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as grants from './trust-access.service.ts';
import { accessLogCsv, accessLog as readLog } from './trust-log.ts';
import * as requests from './trust-requests.service.ts';

// The request queue, grants, share links and the access log of the trust page.
export function trustAccessRoutes(app: ZodApp) {
  const tags = ['trust page'];
  const base = '/api/v1/orgs/:org/trust';
  const items = <T extends z.ZodTypeAny>(t: T) => z.object({ items: z.array(t) });
  app.get(
    `${base}/requests`,
    {
      config: { policy: 'trust.read' },
      schema: {
        tags,
        summary: 'Access requests, newest first',
        params: orgParams,
        querystring: z.object({ status: z.enum(['pending', 'approved', 'denied']).optional() }),
        response: { 200: items(trustRequest) },
      },
    },
    async (req) => requests.listRequests(req.query, orgCtx(req)),
  );
  app.post(
    `${base}/requests/:requestId/decision`,
    {
      config: { policy: 'trust.approve' },
      schema: {
        tags,
        summary: 'Approve (with an expiry) or deny (with a reason) a request',
        params: orgParams.extend({ requestId: id }),
        body: requestDecision,
        response: { 200: trustRequest },
      },
    },
    async (req) => requests.decideRequest({ ...req.params, ...req.body }, orgCtx(req)),
  );
  app.post(
    `${base}/grants`,
    {
      config: { policy: 'trust.manage' },
      schema: {
        tags,
        summary: 'Grant a person or a company access (optionally invite by email)',
        params: orgParams,
        body: grantInput,
        response: { 201: trustGrant },
      },
    },
    async (req, reply) => reply.status(201).send(await grants.createGrant(req.body, orgCtx(req))),
  );
  app.delete(
    `${base}/grants/:grantId`,
    {
      config: { policy: 'trust.manage' },
      schema: {
        tags,
        summary: 'Revoke a grant',
        params: orgParams.extend({ grantId: id }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await grants.revokeGrant(req.params, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${base}/links`,
    {
      config: { policy: 'trust.manage' },
      schema: {
        tags,
        summary: 'Create a direct share link (its address is shown once)',
        params: orgParams,
        body: linkInput,
        response: { 201: createdLink },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await grants.createLink(req.body, orgCtx(req))),
  );
  app.delete(
    `${base}/links/:linkId`,
    {
      config: { policy: 'trust.manage' },
      schema: {
        tags,
        summary: 'Revoke a share link at once',
        params: orgParams.extend({ linkId: id }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await grants.revokeLink(req.params, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${base}/log`,
    {
      config: { policy: 'trust.read' },
      schema: {
        tags,
        summary: 'Access log (views, downloads, NDA, requests, decisions)',
        params: orgParams,
        querystring: accessLogQuery,
        response: { 200: accessLog },
      },
    },
    async (req) => readLog(req.query, orgCtx(req)),
  );
  app.get(
    `${base}/log.csv`,
    {
      config: { policy: 'trust.read' },
      schema: {
        tags,
        summary: 'Access log as CSV',
        produces: [media.csv],
        params: orgParams,
        querystring: accessLogQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="trust-access-log-${req.params.org}.csv"`)
        .header('cache-control', 'no-store')
        .send(await accessLogCsv(req.query, orgCtx(req))),
  );
}
