import { randomBytes } from 'node:crypto';
import { currentDeadline } from '../domain/findings/overdue.ts';
import { type ContextDeps, makeContext, type OrgContext } from '../modules/context.ts';
import { listFindings } from '../modules/findings/index.ts';
import { configureOidc } from '../modules/sso/index.ts';
import {
  createWebhook,
  deadlineMissed,
  emitSystemEvent,
  listWebhookDeliveries,
  recordDeliveryAnswer,
} from '../modules/webhooks/index.ts';
import { asDemoPerson } from './foundation.ts';

// The demo's connections to the company's own tools (issue #20): an OpenID Connect provider for the demo
// domain, not required (everyone keeps signing in with the demo password), and a webhook endpoint of the
// ticketing bridge with a short delivery log: a trust page request received, two missed deadlines, one of
// which the receiver first refused (503) and took on the retry 30 s later (the back-off of
// src/domain/webhooks/retry.ts). Nothing is left pending, so a running demo sends nothing to the
// placeholder host; the next event would be tried (and fail: .example does not resolve) as the rules say.

export const DEMO_WEBHOOK_URL = 'https://hooks.demo.example/closeloop';

/** Before the trust page: the endpoint chooses trust requests, so the demo's request is an event. */
export async function seedIntegrations(base: OrgContext) {
  const priya = await asDemoPerson(base, 'priya.shah@demo.example');
  await configureOidc(
    {
      issuer: 'https://login.demo.example',
      clientId: 'closeloop-demo',
      clientSecret: randomBytes(24).toString('base64url'),
      domain: 'demo.example',
      scopes: ['openid', 'email', 'profile'],
      pkce: true,
      jitRole: 'viewer',
      ssoRequired: false,
    },
    priya,
  );
  return createWebhook(
    {
      url: DEMO_WEBHOOK_URL,
      description: 'Ticketing bridge: opens a ticket per missed deadline and access request',
      events: ['trust_request.received', 'deadline.missed', 'certificate.status_changed', 'cap.submitted'],
    },
    priya,
  );
}

/** After the trust page: this morning's deadline run, and the receiver's answers to every delivery. */
export async function seedDeliveryLog(base: OrgContext, endpointId: string) {
  const priya = await asDemoPerson(base, 'priya.shah@demo.example');
  const overdue = await listFindings(
    { page: 1, pageSize: 2, overdue: 'true', sort: 'ref', direction: 'asc' },
    priya,
  );
  // The reminders job found these deadlines missed an hour ago (it emits deadline.missed as it runs).
  const runAt = new Date(base.now().getTime() - 3600_000);
  const deps: ContextDeps = { db: base.db, kind: base.kind, env: base.env, now: () => runAt };
  for (const f of overdue.items) {
    const due = currentDeadline(f.status, f);
    if (due)
      await emitSystemEvent(deps, base.organisation, deadlineMissed(`finding:${f.id}:${due.kind}`, due.on));
  }
  const log = await listWebhookDeliveries({ endpointId, page: 1, pageSize: 20 }, priya);
  // Oldest first: the answers are recorded in the order the job sent them.
  for (const [i, d] of [...log.items].reverse().entries()) {
    const sentAt = new Date(Math.min(new Date(d.eventAt).getTime() + 1000, base.now().getTime()));
    const job = (at: Date) =>
      makeContext({ kind: 'system', label: 'webhook delivery' }, base.organisation, {
        ...deps,
        now: () => at,
      });
    if (i === 1) {
      await recordDeliveryAnswer({ deliveryId: d.id, status: 503, body: 'Service Unavailable' }, job(sentAt));
      await recordDeliveryAnswer(
        { deliveryId: d.id, status: 202, body: '{"ticket":"SEC-412"}' },
        job(new Date(sentAt.getTime() + 30_000)),
      );
    } else await recordDeliveryAnswer({ deliveryId: d.id, status: 200, body: 'ok' }, job(sentAt));
  }
}
