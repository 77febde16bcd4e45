import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedOrigins } from '../../src/config.ts';
import { DEMO_COMPANY, DEMO_PASSWORD } from '../../src/demo/foundation.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { demoNda } from '../../src/demo/trust.ts';
import { relinkLoopback } from '../../src/modules/mail/mail.routes.ts';
import { Client, hasKind, kinds, startTestApp, type TestApp } from '../support/harness.ts';

// Issue #19 items 8 and 9: the first run from the --host address, and a demo that keeps its promises.
describe('origins the server accepts', () => {
  it('accepts the addresses it listens on, and PUBLIC_URL', () => {
    const loop = { publicUrl: 'http://localhost:3102', host: '127.0.0.1', port: 3102 };
    expect(acceptedOrigins(loop)).toEqual(
      expect.arrayContaining(['http://localhost:3102', 'http://127.0.0.1:3102', 'http://[::1]:3102']),
    );
    expect(acceptedOrigins({ publicUrl: 'https://isms.example.com', host: '10.0.0.5', port: 3000 })).toEqual([
      'https://isms.example.com',
      'http://10.0.0.5:3000',
    ]);
  });
  it('points loopback links at the port the server answers on, and leaves other hosts alone', () => {
    const body = 'Join: http://localhost:3000/invite?token=abc and https://example.com/x';
    expect(relinkLoopback(body, 'http://localhost:3102')).toBe(
      'Join: http://localhost:3102/invite?token=abc and https://example.com/x',
    );
    expect(relinkLoopback(body, 'https://isms.example.com')).toBe(body);
  });
});

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`first run and the demo on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind, { PORT: '3998' });
    });
    afterAll(async () => t?.close());

    it('accepts a request from 127.0.0.1 and explains PUBLIC_URL to a foreign origin', async () => {
      const setup = { name: 'Ada', email: 'ada@acme.test', password: 'a long enough password' };
      const body = { ...setup, organisationName: 'Acme', organisationSlug: 'acme' };
      const foreign = await new Client(t.app).request('POST', '/api/v1/setup', body, {
        origin: 'http://192.0.2.7:3998',
      });
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json().detail).toContain('set PUBLIC_URL to the address people use');
      const empty = await new Client(t.app).request(
        'POST',
        '/api/v1/setup',
        {},
        { origin: 'http://127.0.0.1:3998' },
      );
      expect(empty.statusCode).toBe(400);
      const ok = await new Client(t.app).request('POST', '/api/v1/setup', body, {
        origin: 'http://127.0.0.1:3998',
      });
      expect(ok.statusCode).toBe(201);
    });

    // Loads the whole demo: tens of seconds on PostgreSQL under load.
    it('lists the pending invitation, lets the ISMS manager pass it on, and reminds about POL-05', async () => {
      await loadDemo(t.rt);
      const isabel = new Client(t.app);
      await isabel.signIn('isabel.martin@demo.example', DEMO_PASSWORD);
      const inv = (await isabel.get('/api/v1/orgs/demo/invitations')).json();
      expect(inv.items).toEqual([
        expect.objectContaining({ email: 'sam.new@demo.example', status: 'pending' }),
      ]);
      const outbox = (await isabel.get('/api/v1/orgs/demo/mail-outbox?pageSize=200')).json().items as {
        to: string;
        body: string;
      }[];
      const mail = outbox.find((m) => m.to === 'sam.new@demo.example');
      expect(mail?.body).toContain('http://localhost:3999/invite?token=');
      // A new invitation answers its creator with the link.
      const made = await isabel.post('/api/v1/orgs/demo/invitations', {
        email: 'kim@demo.example',
        role: 'viewer',
      });
      expect(made.json().link).toMatch(/^http:\/\/localhost:3999\/invite\?token=/);
      const first = (await isabel.post('/api/v1/orgs/demo/document-reminders', {})).json();
      const named = [...first.sent, ...first.skipped].map((x: { ref: string }) => x.ref);
      expect(named).toContain('POL-05');
      const again = (await isabel.post('/api/v1/orgs/demo/document-reminders', {})).json();
      expect(again.skipped).toContainEqual({
        ref: 'POL-05',
        why: 'owner already reminded today (one reminder a day)',
      });
      expect(demoNda).toContain(DEMO_COMPANY);
      const org = await t.rt.database.db
        .selectFrom('organisation')
        .select('name')
        .where('slug', '=', 'demo')
        .executeTakeFirstOrThrow();
      expect(org.name).toBe(DEMO_COMPANY);
    }, 180_000);
  });
}
