// Public face of the webhooks module (issue #20): outgoing, signed events of an organisation.
export { deadlineMissed } from '../../domain/webhooks/events.ts';
export { deliverDueWebhooks, recordDeliveryAnswer, signedHeaders } from './webhooks.delivery.ts';
export { getGuardedText, targetPolicy } from './webhooks.network.ts';
export { emitSystemEvent, emitWebhookEvent, recordWebhookEvents } from './webhooks.outbox.ts';
export {
  createWebhook,
  listWebhookDeliveries,
  listWebhooks,
  onDeliveryRequested,
  redeliverWebhook,
} from './webhooks.service.ts';
export { registerWebhookSubject, type SubjectReader } from './webhooks.subjects.ts';
