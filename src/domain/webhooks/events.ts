import type { WebhookEventType } from '../../vocabulary/webhooks.ts';
import { isTransitionAction } from '../findings/lifecycle.ts';

/** An audit entry as a use-case wrote it in its transaction. */
export interface AuditedChange {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/** The records an event names, each presented by its API presenter under this key of `data`. */
export type WebhookSubjectKind = 'finding' | 'cap' | 'evidence' | 'certificate' | 'trustRequest';

/**
 * One record of an event: which one, and which of the API's fields of it changed. The payload carries
 * `id` and these fields only, as the API presents them (same names, same values). `presented` is the
 * record already presented by the caller (a use-case that has it at hand).
 */
export interface WebhookSubject {
  kind: WebhookSubjectKind;
  id: string;
  fields: readonly string[];
  presented?: Record<string, unknown>;
}

/** An event for the outbox: its type, what orders it (a finding), its records, and event facts. */
export interface WebhookEventDraft {
  type: WebhookEventType;
  subjectKey: string | null;
  subjects: readonly WebhookSubject[];
  /** Facts of the event that are no field of a record (the transition's action, the previous status). */
  facts?: Record<string, unknown>;
}

const findingKey = (id: unknown) => (typeof id === 'string' && id ? `finding:${id}` : null);
const idOf = (v: unknown) => (typeof v === 'string' ? v : '');

/** The fields of the API's finding that a finding update changed and that are events (the grade). */
const GRADED_FIELDS = ['ref', 'grade'] as const;

/**
 * Which audited changes are webhook events (issue #20), and which API fields of which records they
 * changed. The payload carries the ids and those fields as the API presents them, nothing else of the
 * record: a receiver that wants more reads the API with a token. Events of one finding share a subject
 * key so they reach each endpoint in the order they happened.
 */
export function eventOfChange(c: AuditedChange): WebhookEventDraft | null {
  const d = c.data;
  const id = idOf(c.entityId);
  if (c.action === 'finding.create' && c.entityType === 'finding')
    return {
      type: 'finding.created',
      subjectKey: findingKey(id),
      subjects: [{ kind: 'finding', id, fields: ['ref', 'auditRef', 'grade', 'status', 'requirements'] }],
    };
  if (c.action === 'finding.update' && c.entityType === 'finding' && d?.grade !== undefined)
    return {
      type: 'finding.graded',
      subjectKey: findingKey(id),
      subjects: [{ kind: 'finding', id, fields: GRADED_FIELDS }],
    };
  if (c.entityType === 'finding' && c.action.startsWith('finding.') && isTransitionAction(c.action.slice(8)))
    return {
      type: 'finding.state_changed',
      subjectKey: findingKey(id),
      subjects: [{ kind: 'finding', id, fields: ['ref', 'status'] }],
      facts: {
        action: c.action.slice(8),
        ...(typeof d?.from === 'string' ? { previousStatus: d.from } : {}),
      },
    };
  if (c.action === 'cap.submit')
    // The CAP revision this submission stored: the audit's latest one, in the same transaction.
    return {
      type: 'cap.submitted',
      subjectKey: null,
      subjects: [{ kind: 'cap', id, fields: ['audit', 'number', 'submittedBy', 'submittedAt'] }],
    };
  if (c.action === 'evidence.attach')
    return {
      type: 'evidence.submitted',
      subjectKey: findingKey(d?.findingId),
      subjects: [
        { kind: 'finding', id: idOf(d?.findingId), fields: ['ref'] },
        { kind: 'evidence', id, fields: ['attachedTo', 'attachedId', 'fileName', 'sha256', 'sizeBytes'] },
      ],
    };
  if (c.action === 'certificate.add')
    return {
      type: 'decision.recorded',
      subjectKey: null,
      subjects: [{ kind: 'certificate', id, fields: ['number', 'decidedOn', 'expiresOn', 'notCertified'] }],
    };
  if (c.action === 'certificate.update' && d?.status !== undefined)
    return {
      type: 'certificate.status_changed',
      subjectKey: null,
      subjects: [{ kind: 'certificate', id, fields: ['number', 'status', 'statusReason', 'statusOn'] }],
    };
  return null;
}

/** The API field of a finding that holds each deadline of the reminders' keys. */
const deadlineField: Record<string, string> = {
  cap: 'capDueOn',
  evidence: 'evidenceDueOn',
  close: 'closeByOn',
};

/** The deadline keys of the reminders (`finding:<id>:cap`, `action:<id>`, `task:<id>`) as an event. */
export function deadlineMissed(key: string, dueOn: string): WebhookEventDraft {
  const [kind, id = '', deadline] = key.split(':');
  if (kind === 'finding')
    return {
      type: 'deadline.missed',
      subjectKey: findingKey(id),
      subjects: [{ kind: 'finding', id, fields: ['ref', deadlineField[deadline ?? ''] ?? 'closeByOn'] }],
      facts: { deadline: deadline ?? 'close' },
    };
  // A corrective action's or a cycle task's due date: the API names it `dueOn` on both records.
  return {
    type: 'deadline.missed',
    subjectKey: null,
    subjects: [],
    facts: { [kind === 'action' ? 'correctiveAction' : 'task']: { id, dueOn } },
  };
}
