import type { z } from 'zod';
import type { webhookAttempt, webhookDelivery, webhookEndpoint } from '../../contracts/webhooks.ts';
import type { WebhookAttemptTable, WebhookEndpointTable } from '../../db/schema-webhooks.ts';
import type { WebhookDeliveryStatus, WebhookEventType } from '../../vocabulary/webhooks.ts';

// Which fields of a webhook endpoint leave the server: never its secret (only the answer to a creation or
// a rotation carries it, once).

export const presentEndpoint = (r: WebhookEndpointTable, now: Date): z.infer<typeof webhookEndpoint> => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: JSON.parse(r.events) as WebhookEventType[],
  enabled: r.enabled === 1,
  disabledReason: r.disabled_reason,
  previousSecretUntil:
    r.previous_secret_until && r.previous_secret_until > now.toISOString() ? r.previous_secret_until : null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const presentDelivery = (r: {
  id: string;
  event_id: string;
  type: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  event_created_at: string;
  updated_at: string;
}): z.infer<typeof webhookDelivery> => ({
  id: r.id,
  eventId: r.event_id,
  type: r.type as WebhookEventType,
  status: r.status as WebhookDeliveryStatus,
  attempts: Number(r.attempts),
  nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
  lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
  eventAt: r.event_created_at,
  updatedAt: r.updated_at,
});

export const presentAttempt = (r: WebhookAttemptTable): z.infer<typeof webhookAttempt> => ({
  id: r.id,
  at: r.at,
  statusCode: r.status_code === null ? null : Number(r.status_code),
  responseBody: r.response_body,
  error: r.error,
});
