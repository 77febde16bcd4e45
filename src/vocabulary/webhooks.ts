import { z } from 'zod';

// The events an organisation's webhook endpoints may subscribe to (issue #20), with the words a person
// reads when choosing them. Names follow Standard Webhooks' dotted `type` convention.
export const webhookEventLabels = {
  'finding.created': 'Finding created',
  'finding.graded': 'Finding graded',
  'finding.state_changed': 'Finding state changed',
  'cap.submitted': 'Corrective action plan submitted',
  'evidence.submitted': 'Evidence submitted',
  'decision.recorded': 'Certification decision recorded',
  'deadline.missed': 'Deadline missed',
  'certificate.status_changed': 'Certificate status changed',
  'trust_request.received': 'Trust page access request received',
} as const;

export type WebhookEventType = keyof typeof webhookEventLabels;
export const webhookEventTypes = Object.keys(webhookEventLabels) as [WebhookEventType, ...WebhookEventType[]];
export const webhookEventType = z.enum(webhookEventTypes);

export const webhookDeliveryStatusLabels = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
} as const;
export type WebhookDeliveryStatus = keyof typeof webhookDeliveryStatusLabels;
