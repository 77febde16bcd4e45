import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';
import { lastMail, NDA_TEXT, nda, publishedPage, signInToken, type TrustFixture } from './fixture.ts';

// The trust page end to end through the API: access levels, NDA clickwrap, watermarked downloads,
// requests with approval and single-use sign-in links, share links with passcode and revocation, log.

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`trust page on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let f: TrustFixture;
    const api = '/api/v1/trust/acme';
    const adminApi = '/api/v1/orgs/acme/trust';

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'admin@acme.test');
      f = await publishedPage(admin, 'acme', { autoApproveDomains: ['partner.test'] });
    });
    afterAll(async () => t?.close());

    it('shows an anonymous visitor the public items only, and no file of the others', async () => {
      const anon = new Client(t.app);
      const res = await anon.get(api);
      expect(res.statusCode).toBe(200);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      const page = res.json();
      expect(page.title).toBe('acme Trust Center');
      expect(page.faq).toEqual([{ question: 'Do you encrypt data at rest?', answer: 'Yes, AES-256.' }]);
      expect(page.nda).toEqual({ version: 1, text: NDA_TEXT });
      const byTitle = Object.fromEntries(page.documents.map((d: { title: string }) => [d.title, d]));
      expect(byTitle[f.titles.public].access).toBe('granted');
      expect(byTitle[f.titles.nda]).toMatchObject({ access: 'needs_nda', fileName: null });
      expect(byTitle[f.titles.request]).toMatchObject({ access: 'needs_request', fileName: null });
      expect(res.body).not.toContain(f.titles.private);
      expect((await anon.get(`${api}/documents/${f.publicId}`)).statusCode).toBe(200);
      for (const id of [f.ndaId, f.requestId, f.privateId])
        expect((await anon.get(`${api}/documents/${id}`)).statusCode).toBe(404);
    });

    it('records an NDA acceptance and serves the nda document watermarked, as a no-store attachment', async () => {
      const eve = new Client(t.app);
      expect((await eve.post(`${api}/nda`, { ...nda('eve@customer.test'), version: 2 })).statusCode).toBe(
        409,
      );
      expect((await eve.post(`${api}/nda`, { ...nda('eve@customer.test'), accept: false })).statusCode).toBe(
        400,
      );
      const accepted = await eve.post(`${api}/nda`, nda('eve@customer.test'));
      expect(accepted.statusCode).toBe(204);
      const cookie = String(accepted.headers['set-cookie']);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('Path=/api/v1/trust/acme');
      expect(cookie).toContain('SameSite=Lax');
      const doc = (await eve.get(api)).json().documents.find((d: { id: string }) => d.id === f.ndaId);
      expect(doc.access).toBe('granted');
      const file = await eve.get(`${api}/documents/${f.ndaId}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toMatch(/^attachment;/);
      expect(file.headers['cache-control']).toBe('private, no-store');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['referrer-policy']).toBe('no-referrer');
      const text = pdfText(file.rawPayload);
      expect(text).toContain(f.bodies.nda);
      expect(text).toContain('eve@customer.test');
      expect(text).toContain('acme Ltd — confidential');
      // the NDA does not open `request` documents
      expect((await eve.get(`${api}/documents/${f.requestId}`)).statusCode).toBe(404);
      const rows = await t.rt.database.db.selectFrom('trust_nda_acceptance').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ email: 'eve@customer.test', company: 'Customer Ltd', nda_version: 1 });
      expect(rows[0]!.ip).toBeTruthy();
      expect((await lastMail(t, 'admin@acme.test'))?.subject).toContain('eve@customer.test accepted the NDA');
      // signing out ends the session: the cookie is cleared and the token no longer counts
      const token = eve.cookies.get('cl_trust')!;
      expect((await eve.post(`${api}/sign-out`)).statusCode).toBe(204);
      expect(eve.cookies.has('cl_trust')).toBe(false);
      eve.cookies.set('cl_trust', token);
      expect((await eve.get(`${api}/documents/${f.ndaId}`)).statusCode).toBe(404);
    });

    it('asks again after a new NDA version', async () => {
      const v = new Client(t.app);
      await v.post(`${api}/nda`, nda('victor@customer.test'));
      expect((await v.get(`${api}/documents/${f.ndaId}`)).statusCode).toBe(200);
      expect((await admin.post(`${adminApi}/nda`, { text: `${NDA_TEXT} Version two.` })).statusCode).toBe(
        201,
      );
      expect((await v.get(`${api}/documents/${f.ndaId}`)).statusCode).toBe(404);
      expect((await v.post(`${api}/nda`, { ...nda('victor@customer.test'), version: 2 })).statusCode).toBe(
        204,
      );
      expect((await v.get(`${api}/documents/${f.ndaId}`)).statusCode).toBe(200);
    });

    it('queues a request, approves it, and the mailed sign-in link works once', async () => {
      const ray = new Client(t.app);
      const asked = await ray.post(`${api}/requests`, {
        name: 'Ray',
        email: 'ray@prospect.test',
        company: 'Prospect',
        documentId: f.requestId,
        message: 'vendor review',
      });
      expect(asked.statusCode).toBe(202);
      expect(asked.json()).toEqual({ status: 'pending' });
      expect((await lastMail(t, 'admin@acme.test'))?.subject).toContain('ray@prospect.test requests');
      const queue = (await admin.get(`${adminApi}/requests?status=pending`)).json().items;
      const req = queue.find((r: { email: string }) => r.email === 'ray@prospect.test');
      expect(req.documentTitle).toBe(f.titles.request);
      const decided = await admin.post(`${adminApi}/requests/${req.id}/decision`, {
        decision: 'approve',
        reason: 'NDA on file',
        expiresOn: '2099-12-31',
      });
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.json().status).toBe('approved');
      expect(
        (await admin.post(`${adminApi}/requests/${req.id}/decision`, { decision: 'deny', reason: 'x' }))
          .statusCode,
      ).toBe(409);
      const token = signInToken((await lastMail(t, 'ray@prospect.test'))!.body_text);
      expect((await ray.post(`${api}/sign-in`, { token })).statusCode).toBe(204);
      const file = await ray.get(`${api}/documents/${f.requestId}`);
      expect(file.statusCode).toBe(200);
      expect(pdfText(file.rawPayload)).toContain('ray@prospect.test');
      // single use: a second sign-in with the same link is a 404, from anyone
      expect((await new Client(t.app).post(`${api}/sign-in`, { token })).statusCode).toBe(404);
      // the grant covers that document only
      expect((await ray.get(`${api}/documents/${f.privateId}`)).statusCode).toBe(404);
      const stored = JSON.stringify(await t.rt.database.db.selectFrom('trust_sign_in').selectAll().execute());
      expect(stored).not.toContain(token);
    });

    it('denies with a reason, mailed to the requester', async () => {
      const c = new Client(t.app);
      await c.post(`${api}/requests`, {
        name: 'Dan',
        email: 'dan@rival.test',
        company: 'Rival',
        documentId: null,
      });
      const req = (await admin.get(`${adminApi}/requests?status=pending`)).json().items[0];
      expect(
        (await admin.post(`${adminApi}/requests/${req.id}/decision`, { decision: 'deny' })).statusCode,
      ).toBe(400);
      const denied = await admin.post(`${adminApi}/requests/${req.id}/decision`, {
        decision: 'deny',
        reason: 'competitor',
      });
      expect(denied.json()).toMatchObject({ status: 'denied', decisionReason: 'competitor' });
      expect((await lastMail(t, 'dan@rival.test'))?.body_text).toContain('competitor');
    });

    it('approves requests from a chosen domain at once', async () => {
      const p = new Client(t.app);
      const asked = await p.post(`${api}/requests`, {
        name: 'Pat',
        email: 'pat@partner.test',
        company: 'Partner',
        documentId: null,
      });
      expect(asked.json()).toEqual({ status: 'approved' });
      const token = signInToken((await lastMail(t, 'pat@partner.test'))!.body_text);
      expect((await p.post(`${api}/sign-in`, { token })).statusCode).toBe(204);
      expect((await p.get(`${api}/documents/${f.requestId}`)).statusCode).toBe(200);
      expect((await p.get(`${api}/documents/${f.ndaId}`)).statusCode).toBe(200);
    });

    it('opens a share link with its passcode; revoking it answers 404 and ends its sessions', async () => {
      const link = await admin.post(`${adminApi}/links`, {
        label: 'Bank due diligence',
        documentId: f.requestId,
        passcode: 'open-sesame',
      });
      expect(link.statusCode).toBe(201);
      const url = link.json().url as string;
      const token = url.split('/s/')[1]!;
      expect(url).toBe(`http://localhost:3999/trust/acme/s/${token}`);
      const who = { name: 'Bea', email: 'bea@bank.test', company: 'Bank' };
      const bea = new Client(t.app);
      expect((await bea.post(`${api}/links/open`, { token, ...who })).statusCode).toBe(401);
      expect((await bea.post(`${api}/links/open`, { token, ...who, passcode: 'wrong-one' })).statusCode).toBe(
        401,
      );
      expect(
        (await bea.post(`${api}/links/open`, { token, ...who, passcode: 'open-sesame' })).statusCode,
      ).toBe(204);
      const file = await bea.get(`${api}/documents/${f.requestId}`);
      expect(pdfText(file.rawPayload)).toContain('bea@bank.test');
      expect((await bea.get(`${api}/documents/${f.ndaId}`)).statusCode).toBe(404);
      const listed = (await admin.get(`${adminApi}/links`)).json().items[0];
      expect(listed).toMatchObject({ label: 'Bank due diligence', hasPasscode: true, live: true });
      expect(JSON.stringify(listed)).not.toContain(token);
      expect((await admin.delete(`${adminApi}/links/${listed.id}`)).statusCode).toBe(204);
      expect((await bea.get(`${api}/documents/${f.requestId}`)).statusCode).toBe(404);
      expect(
        (await new Client(t.app).post(`${api}/links/open`, { token, ...who, passcode: 'open-sesame' }))
          .statusCode,
      ).toBe(404);
    });

    it('grants a whole company with an expiry and invites a person by email', async () => {
      const g = await admin.post(`${adminApi}/grants`, {
        subjectKind: 'email',
        subject: 'ivy@auditor.test',
        documentId: null,
        expiresOn: '2099-01-01',
        invite: true,
      });
      expect(g.statusCode, g.body).toBe(201);
      expect(g.json()).toMatchObject({
        subject: 'ivy@auditor.test',
        live: true,
        expiresAt: '2099-01-01T23:59:59.999Z',
      });
      const ivy = new Client(t.app);
      const token = signInToken((await lastMail(t, 'ivy@auditor.test'))!.body_text);
      expect((await ivy.post(`${api}/sign-in`, { token })).statusCode).toBe(204);
      expect((await ivy.get(`${api}/documents/${f.requestId}`)).statusCode).toBe(200);
      expect((await admin.delete(`${adminApi}/grants/${g.json().id}`)).statusCode).toBe(204);
      expect((await ivy.get(`${api}/documents/${f.requestId}`)).statusCode).toBe(404);
      // a company grant: anyone at that domain who asks gets the mailed link proving the address
      await admin.post(`${adminApi}/grants`, {
        subjectKind: 'domain',
        subject: 'bigbank.test',
        documentId: f.requestId,
      });
      const asked = await new Client(t.app).post(`${api}/requests`, {
        name: 'Bo',
        email: 'bo@bigbank.test',
        company: 'Big Bank',
        documentId: f.requestId,
      });
      expect(asked.json()).toEqual({ status: 'approved' });
      const bo = new Client(t.app);
      const boToken = signInToken((await lastMail(t, 'bo@bigbank.test'))!.body_text);
      expect((await bo.post(`${api}/sign-in`, { token: boToken })).statusCode).toBe(204);
      expect((await bo.get(`${api}/documents/${f.requestId}`)).statusCode).toBe(200);
      expect((await bo.get(`${api}/documents/${f.ndaId}`)).statusCode).toBe(404);
      const expired = await admin.post(`${adminApi}/grants`, {
        subjectKind: 'domain',
        subject: 'old.test',
        expiresOn: '2020-01-01',
      });
      expect(expired.json().live).toBe(false);
      expect(
        (
          await admin.post(`${adminApi}/grants`, {
            subjectKind: 'email',
            subject: 'x@y.test',
            documentId: f.privateId,
          })
        ).statusCode,
      ).toBe(409);
    });

    it('refuses nda or request level for a file that cannot be watermarked', async () => {
      const docs = (await admin.get(`${adminApi}/documents`)).json().items;
      expect(docs).toHaveLength(4);
      // members read the stored file as is, without a watermark
      const stored = await admin.get(`${adminApi}/documents/${f.ndaId}/file`);
      expect(stored.headers['cache-control']).toBe('private, no-store');
      const storedText = pdfText(stored.rawPayload);
      expect(storedText).toContain(f.bodies.nda);
      expect(storedText).not.toContain('confidential');
      const { upload } = await import('../support/multipart.ts');
      const txt = await upload(admin, `${adminApi}/documents`, 'notes.txt', Buffer.from('plain text'), {
        title: 'Notes',
        accessLevel: 'nda',
      });
      expect(txt.statusCode).toBe(400);
      const ok = await upload(admin, `${adminApi}/documents`, 'notes.txt', Buffer.from('plain text'), {
        title: 'Notes',
        accessLevel: 'public',
      });
      expect(ok.statusCode).toBe(201);
      expect(
        (await admin.patch(`${adminApi}/documents/${ok.json().id}`, { accessLevel: 'request' })).statusCode,
      ).toBe(400);
      expect((await admin.delete(`${adminApi}/documents/${ok.json().id}`)).statusCode).toBe(204);
    });

    it('keeps an access log per document and viewer, with a CSV export', async () => {
      const log = (await admin.get(`${adminApi}/log?pageSize=200`)).json();
      const kinds = new Set(log.items.map((e: { kind: string }) => e.kind));
      for (const k of [
        'page_view',
        'download',
        'nda_accept',
        'request',
        'approve',
        'deny',
        'sign_in',
        'link_open',
        'link_revoke',
        'grant',
        'invite',
      ])
        expect(kinds, k).toContain(k);
      const eve = (await admin.get(`${adminApi}/log?email=eve@customer.test`)).json().items;
      expect(eve.map((e: { kind: string }) => e.kind)).toEqual(
        expect.arrayContaining(['nda_accept', 'download']),
      );
      const perDoc = (await admin.get(`${adminApi}/log?documentId=${f.ndaId}`)).json().items;
      expect(perDoc.every((e: { documentId: string }) => e.documentId === f.ndaId)).toBe(true);
      const csv = await admin.get(`${adminApi}/log.csv`);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body.split('\r\n')[0]).toBe('at,event,document,viewer,ip,details');
      expect(csv.body).toContain('nda_accept');
    });

    it('answers 404 once unpublished, and for unknown pages', async () => {
      expect((await new Client(t.app).get('/api/v1/trust/nope')).statusCode).toBe(404);
      expect((await admin.post(`${adminApi}/publish`, { published: false })).json().publishedAt).toBeNull();
      const anon = new Client(t.app);
      expect((await anon.get(api)).statusCode).toBe(404);
      expect((await anon.get(`${api}/documents/${f.publicId}`)).statusCode).toBe(404);
      // the editor's preview still works, as an anonymous visitor would see it
      const preview = (await admin.get(`${adminApi}/preview`)).json();
      expect(preview.preview).toBe(true);
      expect(JSON.stringify(preview)).not.toContain(f.titles.private);
      const trail = (await admin.get('/api/v1/orgs/acme/audit-log?pageSize=200')).json();
      const actions = JSON.stringify(trail);
      for (const a of [
        'trust_page.publish',
        'trust_page.unpublish',
        'trust_request.approve',
        'trust_link.revoke',
      ])
        expect(actions).toContain(a);
    });
  });
}
