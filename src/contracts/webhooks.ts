import { z } from 'zod';
import { webhookEventType } from '../vocabulary/webhooks.ts';
import { id, isoDateTime } from './common.ts';

// Outgoing webhooks (issue #20): an organisation's endpoints, their deliveries and attempts.

export const webhookEvents = z.array(webhookEventType).min(1).max(20);

export const createWebhookRequest = z.object({
  url: z.string().trim().max(2000).describe('https URL of the receiver'),
  description: z.string().trim().max(200).default(''),
  events: webhookEvents,
});

export const updateWebhookRequest = z
  .object({
    url: z.string().trim().max(2000),
    description: z.string().trim().max(200),
    events: webhookEvents,
    /** true turns a disabled endpoint back on. */
    enabled: z.boolean(),
  })
  .partial()
  .refine((o) => Object.keys(o).length > 0, 'change at least one field');

export const rotateWebhookSecretRequest = z.object({
  /** How long the previous secret still signs beside the new one (0 ends it at once). */
  overlapHours: z.number().int().min(0).max(168),
});

export const webhookEndpoint = z.object({
  id,
  url: z.string(),
  description: z.string(),
  events: z.array(webhookEventType),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  /** Until when the previous secret still signs (a rotation's overlap), if it does. */
  previousSecretUntil: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** The signing secret (`whsec_…`) is in this answer only: at creation and at rotation. */
export const webhookEndpointWithSecret = webhookEndpoint.extend({ secret: z.string() });

export const webhookDelivery = z.object({
  id,
  eventId: id,
  type: webhookEventType,
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: isoDateTime.nullable(),
  lastStatusCode: z.number().int().nullable(),
  eventAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const webhookAttempt = z.object({
  id,
  at: isoDateTime,
  statusCode: z.number().int().nullable(),
  /** At most 1 KB of the receiver's answer. */
  responseBody: z.string(),
  error: z.string().nullable(),
});

export const webhookDeliveryDetail = webhookDelivery.extend({ log: z.array(webhookAttempt) });
