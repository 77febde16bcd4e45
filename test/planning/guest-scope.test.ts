import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  hasKind,
  kinds,
  lastInvitationToken,
  PASSWORD,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';

// A guest invited to some findings (here the external auditor) sees those findings and nothing else of
// the organisation: other findings answer 404, other pages 403, and the list shows only theirs.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`guests limited to findings on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let guest: Client;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'admin@acme.test');
      await admin.post('/api/v1/orgs/acme/audits', {
        ref: 'S2',
        type: 'stage2',
        certificationBody: 'CB',
        reportReceivedOn: '2026-11-02',
      });
      for (const ref of ['NC-1', 'NC-2']) {
        const f = await admin.post('/api/v1/orgs/acme/audits/S2/findings', {
          ref,
          grade: 'minor',
          requirements: ['A.5.15'],
          statement: `statement ${ref}`,
        });
        ids[ref] = f.json().id;
      }
    });
    afterAll(async () => t?.close());

    it('refuses a scope of unknown findings or for a manager, and records a valid one', async () => {
      const bad = await admin.post('/api/v1/orgs/acme/invitations', {
        email: 'x@cb.test',
        role: 'external_auditor',
        findingIds: ['nope'],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('body/findingIds/0');
      const manager = await admin.post('/api/v1/orgs/acme/invitations', {
        email: 'm@acme.test',
        role: 'isms_manager',
        findingIds: [ids['NC-1']],
      });
      expect(manager.statusCode).toBe(400);
      const ok = await admin.post('/api/v1/orgs/acme/invitations', {
        email: 'claire@cb.test',
        role: 'external_auditor',
        findingIds: [ids['NC-1']],
      });
      expect(ok.statusCode).toBe(201);
      guest = new Client(t.app);
      const token = await lastInvitationToken(t, 'claire@cb.test');
      expect(
        (await guest.post('/api/v1/invitations/accept', { token, name: 'Claire', password: PASSWORD }))
          .statusCode,
      ).toBe(200);
      await guest.signIn('claire@cb.test', PASSWORD);
      const me = (await guest.get('/api/v1/me')).json();
      expect(me.organisations[0]).toMatchObject({ slug: 'acme', role: 'external_auditor', limited: true });
    });

    it('shows the guest only the findings in scope', async () => {
      const list = (await guest.get('/api/v1/orgs/acme/findings')).json();
      expect(list.items.map((f: { ref: string }) => f.ref)).toEqual(['NC-1']);
      expect(list.total).toBe(1);
      expect((await guest.get(`/api/v1/orgs/acme/findings/${ids['NC-1']}`)).statusCode).toBe(200);
      const hidden = await guest.get(`/api/v1/orgs/acme/findings/${ids['NC-2']}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('statement NC-2');
      expect(
        (await guest.post(`/api/v1/orgs/acme/findings/${ids['NC-2']}/comments`, { body: 'x' })).statusCode,
      ).toBe(404);
      expect(
        (
          await guest.post(`/api/v1/orgs/acme/findings/${ids['NC-1']}/comments`, {
            body: 'Please add the Q3 review',
          })
        ).statusCode,
      ).toBe(201);
      for (const url of [
        '/api/v1/orgs/acme/audits',
        '/api/v1/orgs/acme/audits/S2',
        '/api/v1/orgs/acme/reports/corrective-action-log?format=json',
        '/api/v1/orgs/acme/calendar-feeds',
      ]) {
        const res = await guest.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(res.body).not.toContain('NC-2');
      }
      // Members without a scope still see everything.
      expect((await admin.get('/api/v1/orgs/acme/findings')).json().total).toBe(2);
    });
  });
}
