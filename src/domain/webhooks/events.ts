import type { WebhookEventType } from '../../vocabulary/webhooks.ts';
import { isTransitionAction } from '../findings/lifecycle.ts';

/** An audit entry as a use-case wrote it in its transaction. */
export interface AuditedChange {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/** An event for the outbox: its type, what orders it (a finding), and the ids and changed fields. */
export interface WebhookEventDraft {
  type: WebhookEventType;
  subjectKey: string | null;
  data: Record<string, unknown>;
}

const pick = (data: Record<string, unknown> | undefined, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => data && data[k] !== undefined).map((k) => [k, data![k]]));

const findingKey = (id: unknown) => (typeof id === 'string' && id ? `finding:${id}` : null);

/**
 * Which audited changes are webhook events (issue #20). The payload carries the ids and the fields the
 * change recorded, nothing else of the record: a receiver that wants more reads the API with a token.
 * Events of one finding share a subject key so they reach each endpoint in the order they happened.
 */
export function eventOfChange(c: AuditedChange): WebhookEventDraft | null {
  const d = c.data;
  if (c.action === 'finding.create' && c.entityType === 'finding')
    return {
      type: 'finding.created',
      subjectKey: findingKey(c.entityId),
      data: { findingId: c.entityId, ...pick(d, ['ref', 'audit', 'title', 'grade', 'requirements']) },
    };
  if (c.action === 'finding.update' && c.entityType === 'finding' && d?.grade !== undefined)
    return {
      type: 'finding.graded',
      subjectKey: findingKey(c.entityId),
      data: { findingId: c.entityId, ...pick(d, ['ref', 'grade']) },
    };
  if (c.entityType === 'finding' && c.action.startsWith('finding.') && isTransitionAction(c.action.slice(8)))
    return {
      type: 'finding.state_changed',
      subjectKey: findingKey(c.entityId),
      data: { findingId: c.entityId, action: c.action.slice(8), ...pick(d, ['ref', 'from', 'to']) },
    };
  if (c.action === 'cap.submit')
    return {
      type: 'cap.submitted',
      subjectKey: null,
      data: { auditId: c.entityId, ...pick(d, ['audit', 'revision', 'findings']) },
    };
  if (c.action === 'evidence.attach')
    return {
      type: 'evidence.submitted',
      subjectKey: findingKey(d?.findingId),
      data: { evidenceId: c.entityId, ...pick(d, ['findingId', 'finding', 'fileName', 'sha256', 'size']) },
    };
  if (c.action === 'certificate.add')
    return {
      type: 'decision.recorded',
      subjectKey: null,
      data: { certificateId: c.entityId, ...pick(d, ['number', 'decidedOn', 'expiresOn', 'notCertified']) },
    };
  if (c.action === 'certificate.update' && d?.status !== undefined)
    return {
      type: 'certificate.status_changed',
      subjectKey: null,
      data: { certificateId: c.entityId, ...pick(d, ['number', 'status', 'statusReason', 'statusOn']) },
    };
  return null;
}
