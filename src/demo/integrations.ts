import { randomBytes } from 'node:crypto';
import { currentDeadline } from '../domain/findings/overdue.ts';
import { inTransaction, makeContext, type OrgContext } from '../modules/context.ts';
import { listFindings } from '../modules/findings/index.ts';
import { configureOidc, configureSaml } from '../modules/sso/index.ts';
import {
  createWebhook,
  deadlineMissed,
  emitWebhookEvent,
  recordDeliveryAnswer,
} from '../modules/webhooks/index.ts';
import { asDemoPerson } from './foundation.ts';
import { DEMO_SAML_DOMAIN, demoSamlMetadata } from './saml-idp.ts';

// The demo's connections to the company's own tools (issue #20): an OpenID Connect provider for the demo
// domain, not required (everyone keeps signing in with the demo password); a SAML provider for the EMEA
// subsidiary's own domain (its metadata pasted, invitation-only: no demo person uses that domain, and a
// domain routes to one provider of one organisation), and a webhook endpoint of the
// ticketing bridge with a short delivery log: this morning's deadline run found the two deadlines missed;
// the receiver took one at once and refused the other (503) before taking it on the retry 30 s later (the
// back-off of src/domain/webhooks/retry.ts). Each event and its answers are written in one transaction,
// so neither a running server's delivery job nor a running demo sends anything to the placeholder host;
// the next event would be tried (and fail: .example does not resolve), as the rules say.

export const DEMO_WEBHOOK_URL = 'https://hooks.demo.example/closeloop';

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
  await configureSaml(
    {
      idpMetadataXml: demoSamlMetadata,
      domain: DEMO_SAML_DOMAIN,
      jitRole: null,
      ssoRequired: false,
      clockSkewSeconds: 60,
    },
    priya,
  );
  const endpoint = await createWebhook(
    {
      url: DEMO_WEBHOOK_URL,
      description: 'Ticketing bridge: opens a ticket per missed deadline and access request',
      events: ['trust_request.received', 'deadline.missed', 'certificate.status_changed', 'cap.submitted'],
    },
    priya,
  );
  const overdue = await listFindings(
    { page: 1, pageSize: 3, overdue: 'true', sort: 'ref', direction: 'asc' },
    priya,
  );
  // The reminders job ran an hour ago and emitted deadline.missed for each deadline it found passed.
  const runAt = base.now().getTime() - 3600_000;
  for (const [i, f] of overdue.items.entries()) {
    const due = currentDeadline(f.status, f);
    if (!due) continue;
    const at = (seconds: number) => new Date(runAt + i * 1000 + seconds * 1000);
    const job = makeContext({ kind: 'system', label: 'webhook delivery' }, base.organisation, {
      ...base,
      now: () => at(0),
    });
    await inTransaction(job, async (tx) => {
      await emitWebhookEvent(tx, deadlineMissed(`finding:${f.id}:${due.kind}`, due.on));
      const answer = (seconds: number, status: number, body: string) =>
        recordDeliveryAnswer({ endpointId: endpoint.id, status, body }, { ...tx, now: () => at(seconds) });
      if (i === 1) await answer(1, 503, 'Service Unavailable');
      await answer(i === 1 ? 31 : 1, i === 1 ? 202 : 200, i === 1 ? '{"ticket":"SEC-412"}' : 'ok');
    });
  }
}
