// Outgoing webhooks (migration 0022, issue #20).

export interface WebhookEndpointTable {
  id: string;
  organisation_id: string;
  url: string;
  description: string;
  /** JSON array of event types (src/vocabulary/webhooks.ts). */
  events: string;
  /** The signing secret, encrypted with the server's key (src/domain/secrets/sealed.ts). */
  secret_enc: string;
  /** During a rotation's overlap: the previous secret, still signing until `previous_secret_until`. */
  previous_secret_enc: string | null;
  previous_secret_until: string | null;
  enabled: number;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookEventTable {
  id: string;
  organisation_id: string;
  seq: number;
  type: string;
  /** What ordering is kept for: `finding:<id>`, or the event's own id when nothing orders it. */
  subject_key: string;
  payload: string;
  created_at: string;
}

export interface WebhookDeliveryTable {
  id: string;
  organisation_id: string;
  endpoint_id: string;
  event_id: string;
  seq: number;
  subject_key: string;
  /** pending → delivered, or failed (gave up after 24 h of retries). */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookAttemptTable {
  id: string;
  organisation_id: string;
  delivery_id: string;
  at: string;
  status_code: number | null;
  /** At most 1 KB of what the receiver answered. */
  response_body: string;
  error: string | null;
}

export interface WebhookTables {
  webhook_endpoint: WebhookEndpointTable;
  webhook_event: WebhookEventTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
}
