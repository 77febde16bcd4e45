import { z } from 'zod';
import { calendarFeed, createdFeed, feedInput } from '../../contracts/collaboration.ts';
import { id, orgParams } from '../../contracts/common.ts';
import { orgCtx } from '../../http/gate.ts';
import { media } from '../../http/openapi.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import * as service from './calendar-feeds.service.ts';

export function calendarFeedsRoutes(app: ZodApp, deps: ModuleDeps) {
  const tags = ['calendar feeds'];
  app.get(
    '/api/v1/orgs/:org/calendar-feeds',
    {
      config: { policy: 'calendar_feed.manage' },
      schema: {
        tags,
        summary: 'My calendar feeds (addresses are never shown again)',
        params: orgParams,
        response: { 200: z.object({ items: z.array(calendarFeed) }) },
      },
    },
    async (req) => service.listFeeds({}, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/calendar-feeds',
    {
      config: { policy: 'calendar_feed.manage' },
      schema: {
        tags,
        summary: 'Create a private ICS feed of my or the organisation’s deadlines',
        params: orgParams,
        body: feedInput,
        response: { 201: createdFeed },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createFeed(req.body, orgCtx(req))),
  );
  app.delete(
    '/api/v1/orgs/:org/calendar-feeds/:feedId',
    {
      config: { policy: 'calendar_feed.manage' },
      schema: {
        tags,
        summary: 'Revoke a feed at once',
        params: orgParams.extend({ feedId: id }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.revokeFeed(req.params, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/calendar/:feed',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'The feed itself (RFC 5545), for calendar clients',
        produces: [media.ics],
        params: z.object({ feed: z.string().min(10).max(200) }),
      },
    },
    async (req, reply) => {
      const body = await service.readFeed(
        { token: req.params.feed },
        { db: deps.database.db, kind: deps.database.kind, env: deps.env, now: () => new Date() },
      );
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('referrer-policy', 'no-referrer')
        .send(body);
    },
  );
}
