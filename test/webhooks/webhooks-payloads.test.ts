import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueWebhooks } from '../../src/modules/webhooks/index.ts';
import { stage2 } from '../hardening/fixture.ts';
import { Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';
import { upload } from '../support/multipart.ts';
import { startReceiver } from '../support/webhook-receiver.ts';
import { publishedPage } from '../trust/fixture.ts';

// Issue #20: a webhook payload carries the ids and the changed fields of each record it names, built by
// the same presenters as the API: each record's fields are a subset of what the API answers for it, with
// the same names and values (no `findingId`, `audit` or `size` of the audit entry, nothing the API hides).

const types = [
  'finding.created',
  'finding.graded',
  'finding.state_changed',
  'evidence.submitted',
  'decision.recorded',
  'certificate.status_changed',
];

type Body = { type: string; data: Record<string, Record<string, unknown> | string> };

/** The record in the payload is the API's record restricted to some of its fields, `id` among them. */
function expectApiSubset(sent: unknown, api: Record<string, unknown>, fields: string[]) {
  expect(sent).toBeTypeOf('object');
  const record = sent as Record<string, unknown>;
  expect(Object.keys(record).sort()).toEqual(['id', ...fields].sort());
  for (const [k, v] of Object.entries(record)) expect([k, v]).toEqual([k, api[k]]);
}

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`webhook payloads from the API presenters on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    const deps = () => ({
      db: t.rt.database.db,
      kind: t.rt.database.kind,
      env: t.rt.env,
      log: t.rt.log,
      now: () => new Date(),
    });

    beforeAll(async () => {
      t = await startTestApp(kind, { CLOSELOOP_WEBHOOK_ALLOW_PRIVATE: 'loopback' });
      admin = await setupAdmin(t);
      expect((await admin.post('/api/v1/orgs/acme/audits', stage2)).statusCode).toBe(201);
    });
    afterAll(async () => t?.close());

    it('sends finding, evidence and certificate records as the API presents them, id + changed fields', async () => {
      const rx = await startReceiver();
      try {
        const ep = await admin.post('/api/v1/orgs/acme/webhooks', {
          url: rx.url,
          events: types,
        });
        expect(ep.statusCode, ep.body).toBe(201);
        const created = await admin.post('/api/v1/orgs/acme/audits/S2-2026/findings', {
          ref: 'NC-1',
          grade: 'minor',
          requirements: ['8.8'],
          statement: 'Vulnerabilities are not evaluated in time.',
          objectiveEvidence: 'Scanner report shows 14 critical findings older than 90 days.',
        });
        expect(created.statusCode).toBe(201);
        const atCreation = created.json();
        const id = atCreation.id as string;
        const graded = await admin.patch(`/api/v1/orgs/acme/findings/${id}`, { grade: 'major' });
        expect(graded.statusCode).toBe(200);
        const moved = await admin.post(`/api/v1/orgs/acme/findings/${id}/transitions`, {
          action: 'start_analysis',
        });
        expect(moved.statusCode).toBe(200);
        const afterMove = (await admin.get(`/api/v1/orgs/acme/findings/${id}`)).json();
        const ev = await upload(
          admin,
          `/api/v1/orgs/acme/findings/${id}/evidence`,
          'scan.csv',
          Buffer.from('host,days\nweb-1,3\n'),
        );
        expect(ev.statusCode, ev.body).toBe(201);
        const cert = await admin.post('/api/v1/orgs/acme/certificates', {
          number: 'IS 712345',
          certificationBody: 'Certa Assurance',
          scope: 'Northwind cloud platform',
          issuedOn: '2026-01-31',
        });
        expect(cert.statusCode, cert.body).toBe(201);
        const suspended = await admin.patch(`/api/v1/orgs/acme/certificates/${cert.json().id}`, {
          status: 'suspended',
          statusReason: 'major nonconformity not closed in time',
        });
        expect(suspended.statusCode, suspended.body).toBe(200);

        await deliverDueWebhooks(deps());
        const sent = rx.requests.map((r) => JSON.parse(r.body) as Body);
        const of = (type: string) => sent.find((b) => b.type === type)!.data;
        expect(sent.map((b) => b.type)).toEqual(types);

        const fields = ['ref', 'auditRef', 'grade', 'status', 'requirements'];
        expectApiSubset(of('finding.created').finding, atCreation, fields);
        expect(Object.keys(of('finding.created'))).toEqual(['organisation', 'finding']);
        // The statement and the objective evidence were in the change, but are not changed fields.
        expect(JSON.stringify(of('finding.created'))).not.toContain('Scanner report');
        expectApiSubset(of('finding.graded').finding, graded.json(), ['ref', 'grade']);
        expectApiSubset(of('finding.state_changed').finding, afterMove, ['ref', 'status']);
        expect(of('finding.state_changed')).toMatchObject({
          action: 'start_analysis',
          previousStatus: 'open',
        });
        const evidence = of('evidence.submitted');
        expectApiSubset(evidence.finding, afterMove, ['ref']);
        expectApiSubset(evidence.evidence, ev.json(), [
          'attachedTo',
          'attachedId',
          'fileName',
          'sha256',
          'sizeBytes',
        ]);
        // The uploader's name is the API's, but no changed field of a webhook: it stays out.
        expect(evidence.evidence).not.toHaveProperty('uploadedBy');
        expectApiSubset(of('decision.recorded').certificate, cert.json(), [
          'number',
          'decidedOn',
          'expiresOn',
          'notCertified',
        ]);
        expectApiSubset(of('certificate.status_changed').certificate, suspended.json(), [
          'number',
          'status',
          'statusReason',
          'statusOn',
        ]);
      } finally {
        await rx.close();
      }
    }, 60_000);

    it("sends a trust request as the trust queue presents it, without the visitor's address or message", async () => {
      const rx = await startReceiver();
      try {
        const ep = await admin.post('/api/v1/orgs/acme/webhooks', {
          url: rx.url,
          events: ['trust_request.received'],
        });
        expect(ep.statusCode, ep.body).toBe(201);
        const page = await publishedPage(admin, 'acme');
        const asked = await new Client(t.app).post('/api/v1/trust/acme/requests', {
          name: 'Ray',
          email: 'ray@prospect.test',
          company: 'Prospect',
          documentId: page.requestId,
          message: 'vendor review',
        });
        expect(asked.statusCode, asked.body).toBe(202);
        await deliverDueWebhooks(deps());
        const [body] = rx.requests.map((r) => JSON.parse(r.body) as Body);
        expect(body?.type).toBe('trust_request.received');
        const queue = (await admin.get('/api/v1/orgs/acme/trust/requests?status=pending')).json().items;
        const inQueue = queue.find((r: { email: string }) => r.email === 'ray@prospect.test');
        expectApiSubset(body?.data.trustRequest, inQueue, [
          'documentId',
          'documentTitle',
          'company',
          'status',
          'createdAt',
        ]);
        expect(rx.requests[0]!.body).not.toContain('ray@prospect.test');
        expect(rx.requests[0]!.body).not.toContain('vendor review');
      } finally {
        await rx.close();
      }
    }, 60_000);
  });
}
