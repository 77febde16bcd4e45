import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueWebhooks } from '../../src/modules/webhooks/index.ts';
import { cli } from '../support/cli.ts';
import { type Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';
import { freePort } from '../support/postgres-cluster.ts';
import { startReceiver } from '../support/webhook-receiver.ts';

// Issue #20: SSRF safe by default (a loopback target without the operator's allowance never receives a
// connection, whether given as an address or as a name resolved at connect time), and an endpoint that
// fails for 24 h is disabled with a mail to the organisation's admins (real SMTP on loopback).

const stage2 = {
  ref: 'S2-2026',
  type: 'stage2',
  certificationBody: 'Certa Assurance',
  leadAuditor: 'Claire Dubois',
  reportReceivedOn: '2026-03-02',
  recommendation: 'recommended_upon_action_plan',
  policyKey: 'fast-14-30-60',
};

async function smtpSink() {
  const received: { to: string; body: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let body = '';
      stream.on('data', (d: Buffer) => {
        body += d.toString();
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
        done();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`webhook safety on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let smtp: Awaited<ReturnType<typeof smtpSink>>;
    let offsetMs = 0;
    let n = 0;
    const deliver = () =>
      deliverDueWebhooks({
        db: t.rt.database.db,
        kind: t.rt.database.kind,
        env: t.rt.env,
        log: t.rt.log,
        now: () => new Date(Date.now() + offsetMs),
      });
    const finding = async () => {
      const res = await admin.post('/api/v1/orgs/acme/audits/S2-2026/findings', {
        ref: `NC-${++n}`,
        grade: 'minor',
        requirements: ['8.8'],
        statement: 'Vulnerabilities are not evaluated in time.',
        objectiveEvidence: 'Scanner report shows 14 critical findings older than 90 days.',
      });
      expect(res.statusCode).toBe(201);
    };
    const insertEndpoint = async (url: string) => {
      // As if saved under an operator allowance that was later withdrawn: the job must still refuse it.
      const res = await admin.post('/api/v1/orgs/acme/webhooks', {
        url: 'https://hooks.example.com/x',
        events: ['finding.created'],
      });
      expect(res.statusCode).toBe(201);
      const id = res.json().id as string;
      await t.rt.database.db.updateTable('webhook_endpoint').set({ url }).where('id', '=', id).execute();
      return id;
    };

    beforeAll(async () => {
      smtp = await smtpSink();
      // No CLOSELOOP_WEBHOOK_ALLOW_PRIVATE: public https targets only.
      t = await startTestApp(kind, {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_FROM: 'closeloop <cl@acme.test>',
      });
      admin = await setupAdmin(t);
      expect((await admin.post('/api/v1/orgs/acme/audits', stage2)).statusCode).toBe(201);
    });
    afterAll(async () => {
      await t?.close();
      await smtp?.close();
    });

    it('refuses a loopback, private or link-local URL, and http, when saved', async () => {
      for (const url of [
        'http://127.0.0.1:8080/hook',
        'https://127.0.0.1/hook',
        'https://10.1.2.3/hook',
        'https://[::1]/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://[::ffff:127.0.0.1]/x',
        'http://hooks.example.com/x',
        'ftp://hooks.example.com/x',
      ]) {
        const res = await admin.post('/api/v1/orgs/acme/webhooks', { url, events: ['finding.created'] });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().errors?.[0]?.path, url).toBe('url');
      }
      expect((await admin.get('/api/v1/orgs/acme/webhooks')).json().items).toHaveLength(0);
    });

    it('never connects to a loopback target at delivery, by address or by a name resolved then', async () => {
      const rx = await startReceiver();
      try {
        const byAddress = await insertEndpoint(`https://127.0.0.1:${rx.port}/hook`);
        const byName = await insertEndpoint(`https://localhost:${rx.port}/hook`);
        await finding();
        const r = await deliver();
        expect(r.retrying).toBe(2);
        expect(rx.connections).toBe(0);
        for (const id of [byAddress, byName]) {
          const d = (await admin.get(`/api/v1/orgs/acme/webhooks/${id}/deliveries`)).json().items[0];
          const detail = (await admin.get(`/api/v1/orgs/acme/webhooks/${id}/deliveries/${d.id}`)).json();
          expect(detail.log[0]).toMatchObject({ statusCode: null });
          expect(detail.log[0].error).toMatch(/^refused: .*not a public address/);
          await admin.delete(`/api/v1/orgs/acme/webhooks/${id}`);
        }
      } finally {
        await rx.close();
      }
    }, 60_000);

    it('disables an endpoint whose delivery failed for 24 h and mails the admins', async () => {
      const id = await insertEndpoint('https://127.0.0.1:9/never');
      await finding();
      let runs = 0;
      // At most 40 runs, an hour apart on the job's clock: the 24 h window ends well before.
      while (runs++ < 40) {
        await deliver();
        const ep = (await admin.get('/api/v1/orgs/acme/webhooks'))
          .json()
          .items.find((e: { id: string }) => e.id === id);
        if (!ep.enabled) {
          expect(ep.disabledReason).toMatch(/failed for 24 hours/);
          break;
        }
        offsetMs += 3600_000;
      }
      expect(runs).toBeLessThan(40);
      const d = (await admin.get(`/api/v1/orgs/acme/webhooks/${id}/deliveries`)).json().items[0];
      expect(d.status).toBe('failed');
      const mail = smtp.received.filter(
        (m) => m.to === 'admin@acme.test' && m.body.includes('Webhook endpoint disabled'),
      );
      expect(mail).toHaveLength(1);
      const trail = (await admin.get('/api/v1/orgs/acme/audit-log?pageSize=200')).json();
      expect(JSON.stringify(trail)).toContain('webhook.disable');
    }, 60_000);

    it('lists endpoints and deliveries and redelivers from the CLI', async () => {
      const { dataDir, databaseUrl } = t.rt.config;
      const flags = [
        '--org',
        'acme',
        '--data-dir',
        dataDir,
        ...(databaseUrl ? ['--database-url', databaseUrl] : []),
      ];
      const list = await cli(['webhooks', 'list', ...flags]);
      expect(list.code, list.stderr).toBe(0);
      const ep = JSON.parse(list.stdout).items.find((e: { enabled: boolean }) => !e.enabled);
      expect(list.stdout).not.toContain('whsec_');
      const deliveries = await cli(['webhooks', 'deliveries', ep.id, ...flags]);
      expect(deliveries.code, deliveries.stderr).toBe(0);
      const d = JSON.parse(deliveries.stdout).items[0];
      expect(d.status).toBe('failed');
      const again = await cli(['webhooks', 'redeliver', ep.id, d.id, ...flags]);
      expect(again.code, again.stderr).toBe(0);
      const after = (await admin.get(`/api/v1/orgs/acme/webhooks/${ep.id}/deliveries`)).json().items[0];
      expect(after.status).toBe('pending');
      const trail = (await admin.get('/api/v1/orgs/acme/audit-log?pageSize=200')).json();
      expect(JSON.stringify(trail)).toContain('webhook.redeliver');
    }, 60_000);
  });
}
