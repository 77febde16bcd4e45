import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobNow } from '../../src/modules/jobs/index.ts';
import { deliverDueWebhooks } from '../../src/modules/webhooks/index.ts';
import { type Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';
import { type Received, startReceiver } from '../support/webhook-receiver.ts';

// Issue #20: webhooks delivered to a real receiver on loopback (allowed explicitly), verified with the
// same library that signs them; retries, ordering per finding, redirects, rotation.

const stage2 = {
  ref: 'S2-2026',
  type: 'stage2',
  certificationBody: 'Certa Assurance',
  leadAuditor: 'Claire Dubois',
  reportReceivedOn: '2026-03-02',
  recommendation: 'recommended_upon_action_plan',
  policyKey: 'fast-14-30-60',
};
const events = ['finding.created', 'finding.graded', 'finding.state_changed'];

/** Whether one of the received signatures is this secret's, at the timestamp sent (clock-independent). */
const signedBy = (secret: string, r: Received) => {
  const at = new Date(Number(r.headers['webhook-timestamp']) * 1000);
  const mine = new Webhook(secret).sign(String(r.headers['webhook-id']), at, r.body);
  return String(r.headers['webhook-signature']).split(' ').includes(mine);
};

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`webhook delivery on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let offsetMs = 0;
    let n = 0;
    const deps = () => ({
      db: t.rt.database.db,
      kind: t.rt.database.kind,
      env: t.rt.env,
      log: t.rt.log,
      now: () => new Date(Date.now() + offsetMs),
    });
    /** Runs the delivery job until nothing is due now, at most `max` times. */
    const deliver = async (max = 5) => {
      for (let i = 0; i < max; i++) {
        const r = await deliverDueWebhooks(deps());
        if (r.delivered + r.retrying + r.failed === 0) return;
      }
    };
    const finding = async (grade = 'minor') => {
      const res = await admin.post('/api/v1/orgs/acme/audits/S2-2026/findings', {
        ref: `NC-${++n}`,
        grade,
        requirements: ['8.8'],
        statement: 'Vulnerabilities are not evaluated in time.',
        objectiveEvidence: 'Scanner report shows 14 critical findings older than 90 days.',
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const addEndpoint = async (url: string, chosen = events) => {
      const res = await admin.post('/api/v1/orgs/acme/webhooks', { url, events: chosen });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; secret: string };
    };
    const disable = (id: string) => admin.patch(`/api/v1/orgs/acme/webhooks/${id}`, { enabled: false });

    beforeAll(async () => {
      t = await startTestApp(kind, { CLOSELOOP_WEBHOOK_ALLOW_PRIVATE: 'loopback' });
      admin = await setupAdmin(t);
      expect((await admin.post('/api/v1/orgs/acme/audits', stage2)).statusCode).toBe(201);
    });
    afterAll(async () => t?.close());

    it('signs each delivery so the same library verifies it, and logs the answer (1 KB kept)', async () => {
      const rx = await startReceiver(() => ({ status: 200, body: 'x'.repeat(5000) }));
      try {
        const ep = await addEndpoint(rx.url);
        expect(ep.secret).toMatch(/^whsec_/);
        const listed = (await admin.get('/api/v1/orgs/acme/webhooks')).json().items;
        expect(JSON.stringify(listed)).not.toContain(ep.secret);
        const id = await finding();
        await runJobNow('webhooks-deliver', deps());
        expect(rx.requests).toHaveLength(1);
        const { headers, body } = rx.requests[0]!;
        const verified = new Webhook(ep.secret).verify(body, headers as Record<string, string>) as {
          type: string;
          data: Record<string, unknown>;
        };
        expect(verified).toMatchObject({
          type: 'finding.created',
          data: { organisation: 'acme', finding: { id, grade: 'minor' } },
        });
        expect(() =>
          new Webhook(`whsec_${Buffer.from('another secret, 24 bytes').toString('base64')}`).verify(
            body,
            headers as Record<string, string>,
          ),
        ).toThrow();
        const log = (await admin.get(`/api/v1/orgs/acme/webhooks/${ep.id}/deliveries`)).json();
        expect(log.items).toMatchObject([
          { status: 'delivered', lastStatusCode: 200, attempts: 1, type: 'finding.created' },
        ]);
        const detail = (
          await admin.get(`/api/v1/orgs/acme/webhooks/${ep.id}/deliveries/${log.items[0].id}`)
        ).json();
        expect(detail.log[0].responseBody).toHaveLength(1024);
        // Manual redelivery: sent again, a second attempt in the log.
        const again = await admin.post(
          `/api/v1/orgs/acme/webhooks/${ep.id}/deliveries/${log.items[0].id}/redeliver`,
        );
        expect(again.statusCode).toBe(204);
        await deliver();
        expect(rx.requests).toHaveLength(2);
        expect(rx.requests[1]!.headers['webhook-id']).toBe(headers['webhook-id']);
        await disable(ep.id);
      } finally {
        await rx.close();
      }
    }, 60_000);

    it('retries with back-off: the receiver fails twice, then answers 200', async () => {
      const rx = await startReceiver((i) => ({ status: i < 2 ? 500 : 200 }));
      try {
        const ep = await addEndpoint(rx.url);
        await finding();
        await deliver();
        expect(rx.requests).toHaveLength(1);
        // Nothing is sent before the back-off has passed.
        await deliver();
        expect(rx.requests).toHaveLength(1);
        offsetMs += 31_000;
        await deliver();
        expect(rx.requests).toHaveLength(2);
        offsetMs += 61_000;
        await deliver();
        expect(rx.requests).toHaveLength(3);
        const d = (await admin.get(`/api/v1/orgs/acme/webhooks/${ep.id}/deliveries`)).json().items[0];
        expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
        const detail = (await admin.get(`/api/v1/orgs/acme/webhooks/${ep.id}/deliveries/${d.id}`)).json();
        expect(detail.log.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
        expect(new Set(rx.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
        await disable(ep.id);
      } finally {
        await rx.close();
      }
    }, 60_000);

    it("keeps a finding's events in order: a later event waits while an earlier one is retried", async () => {
      const rx = await startReceiver((i) => ({ status: i === 0 ? 503 : 200 }));
      try {
        const ep = await addEndpoint(rx.url);
        const id = await finding('minor');
        expect((await admin.patch(`/api/v1/orgs/acme/findings/${id}`, { grade: 'major' })).statusCode).toBe(
          200,
        );
        expect(
          (await admin.post(`/api/v1/orgs/acme/findings/${id}/transitions`, { action: 'start_analysis' }))
            .statusCode,
        ).toBe(200);
        await deliver();
        // The first failed; the grade and the state change did not overtake it.
        expect(rx.requests).toHaveLength(1);
        offsetMs += 31_000;
        await deliver();
        const types = rx.requests.map((r) => JSON.parse(r.body).type);
        expect(types).toEqual([
          'finding.created',
          'finding.created',
          'finding.graded',
          'finding.state_changed',
        ]);
        expect(JSON.parse(rx.requests[2]!.body).data).toEqual({
          organisation: 'acme',
          finding: { id, ref: `NC-${n}`, grade: 'major' },
        });
        expect(JSON.parse(rx.requests[3]!.body).data).toEqual({
          organisation: 'acme',
          action: 'start_analysis',
          previousStatus: 'open',
          finding: { id, ref: `NC-${n}`, status: 'analysing' },
        });
        await disable(ep.id);
      } finally {
        await rx.close();
      }
    }, 60_000);

    it('sends deadline.missed once per deadline an owned finding passed', async () => {
      const rx = await startReceiver();
      try {
        const ep = await addEndpoint(rx.url, ['deadline.missed']);
        const res = await admin.post('/api/v1/orgs/acme/audits/S2-2026/findings', {
          ref: 'NC-LATE',
          grade: 'major',
          requirements: ['8.8'],
          statement: 'Late.',
          objectiveEvidence: 'The CAP due on 2026-03-16 was not received.',
          ownerEmail: 'admin@acme.test',
        });
        const id = res.json().id as string;
        for (let i = 0; i < 2; i++) await runJobNow('notifications-due', deps());
        await deliver();
        const mine = rx.requests.map((r) => JSON.parse(r.body)).filter((b) => b.data.finding?.id === id);
        // All three deadlines of 2026-03 have passed; two runs of the job send each once.
        expect(mine.map((b) => [b.type, b.data.deadline])).toEqual([
          ['deadline.missed', 'cap'],
          ['deadline.missed', 'evidence'],
          ['deadline.missed', 'close'],
        ]);
        // Each names the finding's deadline by the API's field, with the API's value.
        const detail = (await admin.get(`/api/v1/orgs/acme/findings/${id}`)).json();
        expect(mine.map((b) => b.data.finding)).toEqual([
          { id, ref: 'NC-LATE', capDueOn: detail.capDueOn },
          { id, ref: 'NC-LATE', evidenceDueOn: detail.evidenceDueOn },
          { id, ref: 'NC-LATE', closeByOn: detail.closeByOn },
        ]);
        await disable(ep.id);
      } finally {
        await rx.close();
      }
    }, 60_000);

    it('does not follow a redirect', async () => {
      const elsewhere = await startReceiver();
      const rx = await startReceiver(() => ({ status: 302, headers: { location: elsewhere.url } }));
      try {
        const ep = await addEndpoint(rx.url);
        await finding();
        await deliver();
        expect(rx.requests).toHaveLength(1);
        expect(elsewhere.connections).toBe(0);
        const d = (await admin.get(`/api/v1/orgs/acme/webhooks/${ep.id}/deliveries`)).json().items[0];
        expect(d).toMatchObject({ status: 'pending', lastStatusCode: 302 });
        await disable(ep.id);
      } finally {
        await rx.close();
        await elsewhere.close();
      }
    }, 60_000);

    it('signs with both secrets during a rotation overlap, then with the new one only', async () => {
      const rx = await startReceiver();
      try {
        const ep = await addEndpoint(rx.url);
        const rotated = await admin.post(`/api/v1/orgs/acme/webhooks/${ep.id}/rotate-secret`, {
          overlapHours: 1,
        });
        expect(rotated.statusCode).toBe(200);
        const fresh = rotated.json() as { secret: string; previousSecretUntil: string };
        expect(fresh.secret).not.toBe(ep.secret);
        expect(fresh.previousSecretUntil).not.toBeNull();
        await finding();
        await deliver();
        const first = rx.requests[0]!;
        expect(String(first.headers['webhook-signature']).split(' ')).toHaveLength(2);
        expect([signedBy(ep.secret, first), signedBy(fresh.secret, first)]).toEqual([true, true]);
        offsetMs += 2 * 3600_000;
        await finding();
        await deliver();
        const second = rx.requests[1]!;
        expect(String(second.headers['webhook-signature']).split(' ')).toHaveLength(1);
        expect([signedBy(ep.secret, second), signedBy(fresh.secret, second)]).toEqual([false, true]);
        await disable(ep.id);
      } finally {
        await rx.close();
      }
    }, 60_000);
  });
}
