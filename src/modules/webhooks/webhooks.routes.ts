import { z } from 'zod';
import { id, orgParams, paged, pageQuery } from '../../contracts/common.ts';
import {
  createWebhookRequest,
  rotateWebhookSecretRequest,
  updateWebhookRequest,
  webhookDelivery,
  webhookDeliveryDetail,
  webhookEndpoint,
  webhookEndpointWithSecret,
} from '../../contracts/webhooks.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as service from './webhooks.service.ts';

export function webhooksRoutes(app: ZodApp) {
  const tags = ['webhooks'];
  const read = { policy: 'webhook.read' as const };
  const manage = { policy: 'webhook.manage' as const };
  const base = '/api/v1/orgs/:org/webhooks';
  const endpointParams = orgParams.extend({ endpointId: id });
  const deliveryParams = endpointParams.extend({ deliveryId: id });
  app.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary: 'Webhook endpoints',
        params: orgParams,
        response: { 200: z.object({ items: z.array(webhookEndpoint) }) },
      },
    },
    async (req) => service.listWebhooks({}, orgCtx(req)),
  );
  app.post(
    base,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a webhook endpoint (its secret is shown once)',
        params: orgParams,
        body: createWebhookRequest,
        response: { 201: webhookEndpointWithSecret },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createWebhook(req.body, orgCtx(req))),
  );
  app.patch(
    `${base}/:endpointId`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a webhook endpoint, or turn it on or off',
        params: endpointParams,
        body: updateWebhookRequest,
        response: { 200: webhookEndpoint },
      },
    },
    async (req) => service.updateWebhook({ ...req.body, endpointId: req.params.endpointId }, orgCtx(req)),
  );
  app.delete(
    `${base}/:endpointId`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove a webhook endpoint',
        params: endpointParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.deleteWebhook({ endpointId: req.params.endpointId }, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${base}/:endpointId/rotate-secret`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Rotate the signing secret (shown once; the old one signs during the overlap)',
        params: endpointParams,
        body: rotateWebhookSecretRequest,
        response: { 200: webhookEndpointWithSecret },
      },
    },
    async (req) =>
      service.rotateWebhookSecret({ ...req.body, endpointId: req.params.endpointId }, orgCtx(req)),
  );
  app.get(
    `${base}/:endpointId/deliveries`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Delivery log of a webhook endpoint',
        params: endpointParams,
        querystring: pageQuery,
        response: { 200: paged(webhookDelivery) },
      },
    },
    async (req) =>
      service.listWebhookDeliveries({ ...req.query, endpointId: req.params.endpointId }, orgCtx(req)),
  );
  app.get(
    `${base}/:endpointId/deliveries/:deliveryId`,
    {
      config: read,
      schema: {
        tags,
        summary: 'A delivery and its attempts',
        params: deliveryParams,
        response: { 200: webhookDeliveryDetail },
      },
    },
    async (req) => service.showWebhookDelivery(req.params, orgCtx(req)),
  );
  app.post(
    `${base}/:endpointId/deliveries/:deliveryId/redeliver`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Send a delivery again (on the delivery job’s next run)',
        params: deliveryParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.redeliverWebhook(req.params, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
}
