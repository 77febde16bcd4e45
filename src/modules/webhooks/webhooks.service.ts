import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import { invalid, notFound } from '../../contracts/errors.ts';
import type {
  createWebhookRequest,
  rotateWebhookSecretRequest,
  updateWebhookRequest,
} from '../../contracts/webhooks.ts';
import type { WebhookEndpointTable } from '../../db/schema-webhooks.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { checkUrl, targetPolicy } from './webhooks.network.ts';
import { presentAttempt, presentDelivery, presentEndpoint } from './webhooks.presenter.ts';
import * as repo from './webhooks.repository.ts';
import { newSigningSecret, sealSecret } from './webhooks.secrets.ts';

// An organisation's webhook endpoints (issue #20): admins add them, choose their events, rotate their
// secret, read the delivery log and redeliver. Every change is in the audit trail (never the secret).

function refuseUrl(ctx: OrgContext, url: string) {
  const why = checkUrl(url, targetPolicy(ctx.env.webhookAllowPrivate));
  if (why) throw invalid(`the webhook URL is refused: ${why}`, [{ path: 'url', message: why }]);
}

async function endpointOf(ctx: OrgContext, endpointId: string) {
  const row = await repo.findEndpoint(ctx.db, ctx.organisation.id, endpointId);
  if (!row) throw notFound('webhook endpoint');
  return row;
}

export async function listWebhooks(_input: Record<string, never>, ctx: OrgContext) {
  authorize(ctx, 'webhook.read');
  const now = ctx.now();
  return {
    items: (await repo.listEndpoints(ctx.db, ctx.organisation.id)).map((r) => presentEndpoint(r, now)),
  };
}

/** Adds an endpoint; its signing secret is in this answer only. */
export async function createWebhook(input: z.input<typeof createWebhookRequest>, ctx: OrgContext) {
  authorize(ctx, 'webhook.manage');
  refuseUrl(ctx, input.url);
  const secret = newSigningSecret();
  const at = ctx.now().toISOString();
  const row: WebhookEndpointTable = {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    url: input.url,
    description: input.description ?? '',
    events: JSON.stringify([...new Set(input.events)]),
    secret_enc: sealSecret(ctx.env, secret),
    previous_secret_enc: null,
    previous_secret_until: null,
    enabled: 1,
    disabled_reason: null,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(ctx, async (tx) => {
    await repo.insertEndpoint(tx.db, row);
    await tx.audit({
      action: 'webhook.create',
      entityType: 'webhook_endpoint',
      entityId: row.id,
      data: { url: row.url, events: JSON.parse(row.events) },
    });
  });
  return { ...presentEndpoint(row, ctx.now()), secret };
}

export async function updateWebhook(
  input: z.infer<typeof updateWebhookRequest> & { endpointId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'webhook.manage');
  if (input.url !== undefined) refuseUrl(ctx, input.url);
  const { endpointId, ...changes } = input;
  await inTransaction(ctx, async (tx) => {
    const before = await endpointOf(tx, endpointId);
    await repo.updateEndpoint(tx.db, tx.organisation.id, before.id, {
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.events !== undefined ? { events: JSON.stringify([...new Set(changes.events)]) } : {}),
      ...(changes.enabled !== undefined
        ? {
            enabled: changes.enabled ? 1 : 0,
            disabled_reason: changes.enabled ? null : 'disabled by an admin',
          }
        : {}),
      updated_at: tx.now().toISOString(),
    });
    await tx.audit({
      action: 'webhook.update',
      entityType: 'webhook_endpoint',
      entityId: before.id,
      data: changes,
    });
  });
  return presentEndpoint(await endpointOf(ctx, endpointId), ctx.now());
}

export async function deleteWebhook(input: { endpointId: string }, ctx: OrgContext) {
  authorize(ctx, 'webhook.manage');
  await inTransaction(ctx, async (tx) => {
    const before = await endpointOf(tx, input.endpointId);
    await repo.deleteEndpoint(tx.db, tx.organisation.id, before.id);
    await tx.audit({
      action: 'webhook.delete',
      entityType: 'webhook_endpoint',
      entityId: before.id,
      data: { url: before.url },
    });
  });
}

/**
 * A new signing secret, shown once. The previous one keeps signing beside it for `overlapHours`, so a
 * receiver can switch without losing an event: Standard Webhooks sends every valid signature at once.
 */
export async function rotateWebhookSecret(
  input: z.input<typeof rotateWebhookSecretRequest> & { endpointId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'webhook.manage');
  const secret = newSigningSecret();
  const overlapHours = input.overlapHours ?? 24;
  await inTransaction(ctx, async (tx) => {
    const before = await endpointOf(tx, input.endpointId);
    const now = tx.now();
    const until = new Date(now.getTime() + overlapHours * 3600_000).toISOString();
    await repo.updateEndpoint(tx.db, tx.organisation.id, before.id, {
      secret_enc: sealSecret(tx.env, secret),
      previous_secret_enc: overlapHours > 0 ? before.secret_enc : null,
      previous_secret_until: overlapHours > 0 ? until : null,
      updated_at: now.toISOString(),
    });
    await tx.audit({
      action: 'webhook.rotate_secret',
      entityType: 'webhook_endpoint',
      entityId: before.id,
      data: { overlapHours },
    });
  });
  return { ...presentEndpoint(await endpointOf(ctx, input.endpointId), ctx.now()), secret };
}

export async function listWebhookDeliveries(input: PageQuery & { endpointId: string }, ctx: OrgContext) {
  authorize(ctx, 'webhook.read');
  const endpoint = await endpointOf(ctx, input.endpointId);
  const { rows, total } = await repo.listDeliveries(ctx.db, ctx.organisation.id, endpoint.id, input);
  return { items: rows.map(presentDelivery), page: input.page, pageSize: input.pageSize, total };
}

export async function showWebhookDelivery(
  input: { endpointId: string; deliveryId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'webhook.read');
  const row = await repo.deliveryOfEndpoint(ctx.db, ctx.organisation.id, input.endpointId, input.deliveryId);
  if (!row) throw notFound('webhook delivery');
  const log = await repo.listAttempts(ctx.db, ctx.organisation.id, row.id);
  return { ...presentDelivery(row), log: log.map(presentAttempt) };
}

/** Sends a delivery again (it gets a fresh 24 h of retries); the delivery job takes it on its next run. */
export async function redeliverWebhook(input: { endpointId: string; deliveryId: string }, ctx: OrgContext) {
  authorize(ctx, 'webhook.manage');
  await inTransaction(ctx, async (tx) => {
    const d = await repo.findDelivery(tx.db, tx.organisation.id, input.deliveryId);
    if (!d || d.endpoint_id !== input.endpointId) throw notFound('webhook delivery');
    const at = tx.now().toISOString();
    await repo.updateDelivery(tx.db, tx.organisation.id, d.id, {
      status: 'pending',
      next_attempt_at: at,
      created_at: at,
      updated_at: at,
    });
    await tx.audit({
      action: 'webhook.redeliver',
      entityType: 'webhook_delivery',
      entityId: d.id,
      data: { event: d.event_id },
    });
  });
  requestDelivery();
}

let kick: () => void = () => {};

/** The server wires this to the job queue: a committed event asks for a delivery run at once. */
export function onDeliveryRequested(fn: () => void) {
  kick = fn;
}

export const requestDelivery = () => kick();
