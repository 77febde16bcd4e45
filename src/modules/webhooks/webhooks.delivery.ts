import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import { notFound } from '../../contracts/errors.ts';
import type { DatabaseKind, Db } from '../../db/connection.ts';
import type { WebhookEndpointTable } from '../../db/schema-webhooks.ts';
import { isDelivered, nextAttemptAt } from '../../domain/webhooks/retry.ts';
import { authorize } from '../authorize.ts';
import {
  type AppEnv,
  inTransaction,
  makeContext,
  type OrganisationRef,
  type OrgContext,
  whenCommitted,
} from '../context.ts';
import { adminContacts } from '../members/index.ts';
import { organisationsAfter } from '../organisations/index.ts';
import { type PostResult, postJson, type TargetPolicy, targetPolicy } from './webhooks.network.ts';
import * as repo from './webhooks.repository.ts';
import { signingSecrets } from './webhooks.secrets.ts';

// The delivery job (catalogue: `webhooks-deliver`): sends every due delivery, signed per Standard Webhooks,
// one at a time per endpoint and finding so a receiver sees a finding's events in the order they happened
// (a delivery waits while an earlier one of the same finding is still pending). A failure is retried with
// back-off for 24 h (src/domain/webhooks/retry.ts); after that the delivery has failed, the endpoint is
// disabled and the organisation's admins are told by mail.

export interface DeliveryDeps {
  db: Db;
  kind: DatabaseKind;
  env: AppEnv;
  log: Logger;
  now: () => Date;
}

type Pending = Awaited<ReturnType<typeof repo.pendingDeliveries>>[number];

/** The Standard Webhooks headers: one `v1,` signature per secret that signs now (a rotation's overlap). */
export function signedHeaders(secrets: readonly string[], msgId: string, at: Date, payload: string) {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(msgId, at, payload)).join(' '),
    'user-agent': 'closeloop-webhooks',
  };
}

async function attemptOne(ctx: OrgContext, policy: TargetPolicy, ep: WebhookEndpointTable, d: Pending) {
  const now = ctx.now();
  const headers = signedHeaders(signingSecrets(ctx.env, ep, now), d.event_id, now, d.payload);
  return recordAttempt(ctx, ep, d, await postJson(ep.url, headers, d.payload, policy));
}

/** Records one try's answer on the delivery: delivered, retried after its back-off, or failed. */
async function recordAttempt(ctx: OrgContext, ep: WebhookEndpointTable, d: Pending, result: PostResult) {
  const at = ctx.now();
  const attempts = Number(d.attempts) + 1;
  const delivered = isDelivered(result.status);
  const next = delivered ? null : nextAttemptAt(new Date(d.created_at), at, attempts);
  const status = delivered ? 'delivered' : next ? 'pending' : 'failed';
  await repo.insertAttempt(ctx.db, {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    delivery_id: d.id,
    at: at.toISOString(),
    status_code: result.status,
    response_body: result.body,
    error: result.error,
  });
  await repo.updateDelivery(ctx.db, ctx.organisation.id, d.id, {
    status,
    attempts,
    next_attempt_at: next?.toISOString() ?? null,
    last_status_code: result.status,
    updated_at: at.toISOString(),
  });
  if (status === 'failed') await disableEndpoint(ctx, ep, result.status ?? result.error ?? 'no answer');
  return status;
}

/**
 * The answer a receiver gave to every pending delivery of an endpoint, recorded as if the delivery job had
 * sent them at the context's clock (the demo's delivery log, `src/demo/integrations.ts`, in the
 * transaction that wrote the event, so no job sees them pending): the same bookkeeping as a real try.
 */
export async function recordDeliveryAnswer(
  input: { endpointId: string; status: number | null; body?: string; error?: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'webhook.deliver');
  const ep = await repo.findEndpoint(ctx.db, ctx.organisation.id, input.endpointId);
  if (!ep) throw notFound('webhook endpoint');
  const pending = (await repo.pendingDeliveries(ctx.db, ctx.organisation.id, 500)).filter(
    (d) => d.endpoint_id === ep.id,
  );
  const result = { status: input.status, body: input.body ?? '', error: input.error ?? null };
  for (const d of pending) await recordAttempt(ctx, ep, d, result);
  return pending.length;
}

/** Turns off an endpoint whose delivery failed for 24 h and mails the organisation's admins. */
async function disableEndpoint(ctx: OrgContext, ep: WebhookEndpointTable, last: string | number) {
  const reason = `a delivery failed for 24 hours (last answer: ${last})`;
  await inTransaction(ctx, async (tx) => {
    await repo.updateEndpoint(tx.db, tx.organisation.id, ep.id, {
      enabled: 0,
      disabled_reason: reason,
      updated_at: tx.now().toISOString(),
    });
    await tx.audit({
      action: 'webhook.disable',
      entityType: 'webhook_endpoint',
      entityId: ep.id,
      data: { url: ep.url, reason },
    });
    const admins = await adminContacts(tx.db, tx.organisation.id);
    await whenCommitted(tx, async (after) => {
      for (const a of admins)
        await after.env.mailer.send({
          to: a.email,
          subject: `Webhook endpoint disabled: ${ep.url}`,
          text:
            `Hello ${a.name},\n\ncloseloop stopped sending webhooks of ${tx.organisation.name} to ${ep.url}: ${reason}.\n\n` +
            `Turn it back on under Settings → Webhooks once the receiver answers again, and redeliver what it missed.\n\n— closeloop`,
          organisationId: tx.organisation.id,
        });
    });
  });
  ep.enabled = 0;
}

async function deliverForOrganisation(deps: DeliveryDeps, org: OrganisationRef, policy: TargetPolicy) {
  const ctx = makeContext({ kind: 'system', label: 'webhook delivery' }, org, deps);
  authorize(ctx, 'webhook.deliver');
  const endpoints = new Map((await repo.listEndpoints(ctx.db, org.id)).map((e) => [e.id, e]));
  const waiting = new Set<string>();
  const counts = { delivered: 0, retrying: 0, failed: 0 };
  for (const d of await repo.pendingDeliveries(ctx.db, org.id, 500)) {
    const key = `${d.endpoint_id}|${d.subject_key}`;
    const ep = endpoints.get(d.endpoint_id);
    // Order per finding: an earlier event still pending (waiting for its retry) holds the later ones.
    if (waiting.has(key) || !ep || ep.enabled !== 1 || (d.next_attempt_at ?? '') > ctx.now().toISOString()) {
      waiting.add(key);
      continue;
    }
    const status = await attemptOne(ctx, policy, ep, d);
    if (status === 'delivered') counts.delivered++;
    else {
      waiting.add(key);
      counts[status === 'failed' ? 'failed' : 'retrying']++;
    }
  }
  return counts;
}

/** One run of the delivery job over every organisation that has something pending. */
export async function deliverDueWebhooks(deps: DeliveryDeps) {
  const policy = targetPolicy(deps.env.webhookAllowPrivate);
  const withPending = new Set(await repo.organisationsWithPending(deps.db));
  const total = { organisations: 0, delivered: 0, retrying: 0, failed: 0 };
  let after = '';
  while (withPending.size > 0) {
    const page = await organisationsAfter(deps.db, after, 100);
    for (const org of page.filter((o) => withPending.has(o.id))) {
      const c = await deliverForOrganisation(deps, org, policy);
      total.organisations++;
      total.delivered += c.delivered;
      total.retrying += c.retrying;
      total.failed += c.failed;
    }
    if (page.length < 100) break;
    after = page.at(-1)!.id;
  }
  return total;
}
