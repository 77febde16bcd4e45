import { randomUUID } from 'node:crypto';
import { type AuditedChange, eventOfChange, type WebhookEventDraft } from '../../domain/webhooks/events.ts';
import type { WebhookEventType } from '../../vocabulary/webhooks.ts';
import {
  type ContextDeps,
  inTransaction,
  makeContext,
  type OrganisationRef,
  type OrgContext,
  whenCommitted,
} from '../context.ts';
import * as repo from './webhooks.repository.ts';
import { requestDelivery } from './webhooks.service.ts';
import { presentSubject } from './webhooks.subjects.ts';

// The outbox (issue #20): an event is written in the transaction of the change it reports, with one
// delivery per enabled endpoint that chose its type; the delivery job sends it after the commit. A change
// that rolls back takes its event with it; a crash after the commit loses nothing (the job finds it).

/** Writes an event of this change to the outbox; `tx` must be the change's transaction context. */
export async function emitWebhookEvent(
  tx: OrgContext,
  draft: WebhookEventDraft,
  listed?: Awaited<ReturnType<typeof repo.listEndpoints>>,
): Promise<void> {
  const endpoints = (listed ?? (await repo.listEndpoints(tx.db, tx.organisation.id))).filter(
    (e) => e.enabled === 1 && (JSON.parse(e.events) as WebhookEventType[]).includes(draft.type),
  );
  if (endpoints.length === 0) return;
  const at = tx.now().toISOString();
  const id = `msg_${randomUUID().replaceAll('-', '')}`;
  const seq = await repo.nextEventSeq(tx.db, tx.organisation.id);
  const subjectKey = draft.subjectKey ?? id;
  // Standard Webhooks payload: type, timestamp, data (the ids and the changed fields of each record, as
  // the API presents them, under the record's kind).
  const data: Record<string, unknown> = { organisation: tx.organisation.slug, ...draft.facts };
  for (const s of draft.subjects) data[s.kind] = await presentSubject(tx, s);
  const payload = JSON.stringify({ type: draft.type, timestamp: at, data });
  await repo.insertEvent(tx.db, {
    id,
    organisation_id: tx.organisation.id,
    seq,
    type: draft.type,
    subject_key: subjectKey,
    payload,
    created_at: at,
  });
  for (const e of endpoints)
    await repo.insertDelivery(tx.db, {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      endpoint_id: e.id,
      event_id: id,
      seq,
      subject_key: subjectKey,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      last_status_code: null,
      created_at: at,
      updated_at: at,
    });
  await whenCommitted(tx, async () => requestDelivery());
}

/**
 * The audit listener the runtime registers: each audited change that is an event goes to the outbox. The
 * endpoints are read once for the entries of one step (an import audits 10,000 findings at once, #16).
 */
export async function recordWebhookEvents(tx: OrgContext, entries: readonly AuditedChange[]): Promise<void> {
  const drafts = entries.map(eventOfChange).filter((d): d is WebhookEventDraft => d !== null);
  if (drafts.length === 0) return;
  const endpoints = await repo.listEndpoints(tx.db, tx.organisation.id);
  for (const draft of drafts) await emitWebhookEvent(tx, draft, endpoints);
}

/** An event no audited change carries (a deadline passing), recorded by a job in its own transaction. */
export async function emitSystemEvent(deps: ContextDeps, org: OrganisationRef, draft: WebhookEventDraft) {
  const ctx = makeContext({ kind: 'system', label: 'webhook events' }, org, deps);
  await inTransaction(ctx, (tx) => emitWebhookEvent(tx, draft));
}
