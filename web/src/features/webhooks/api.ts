import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { paged } from '../../../../src/contracts/common.ts';
import {
  type createWebhookRequest,
  webhookDelivery,
  webhookEndpoint,
  webhookEndpointWithSecret,
} from '../../../../src/contracts/webhooks.ts';
import { type PageArgs, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const webhookKeys = featureKeys('webhooks');

export const webhooksApi = {
  list: (org: string) =>
    request('GET', '/api/v1/orgs/:org/webhooks', {
      params: { org },
      response: z.object({ items: z.array(webhookEndpoint) }),
    }),
  create: (org: string, body: z.input<typeof createWebhookRequest>) =>
    request('POST', '/api/v1/orgs/:org/webhooks', {
      params: { org },
      body,
      response: webhookEndpointWithSecret,
    }),
  setEnabled: (org: string, endpointId: string, enabled: boolean) =>
    request('PATCH', '/api/v1/orgs/:org/webhooks/:endpointId', {
      params: { org, endpointId },
      body: { enabled },
      response: webhookEndpoint,
    }),
  deliveries: (org: string, endpointId: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/webhooks/:endpointId/deliveries', {
      params: { org, endpointId },
      query,
      response: paged(webhookDelivery),
    }),
  redeliver: (org: string, endpointId: string, deliveryId: string) =>
    request('POST', '/api/v1/orgs/:org/webhooks/:endpointId/deliveries/:deliveryId/redeliver', {
      params: { org, endpointId, deliveryId },
    }),
};

export const webhookQueries = {
  list: (org: string) =>
    queryOptions({ queryKey: webhookKeys.list(org), queryFn: () => webhooksApi.list(org) }),
  deliveries: (org: string, endpointId: string, page: PageArgs) =>
    queryOptions({
      queryKey: webhookKeys.part(org, 'deliveries', endpointId, page),
      queryFn: () => webhooksApi.deliveries(org, endpointId, page),
    }),
};
