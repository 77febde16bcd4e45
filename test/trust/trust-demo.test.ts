import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/foundation.ts';
import { DEMO_TEMPLATE_TIMEOUT, demoDatabase } from '../support/demo-template.ts';
import { Client, hasKind, kinds, startTestApp, type TestApp } from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';
import { nda } from './fixture.ts';

// The demo's trust page: published, one document per level, the live certificate, the SoA summary
// rendered from the approved SoA, a pending request, a grant and a share link.

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`trust page demo on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind, {}, await demoDatabase(kind));
    }, DEMO_TEMPLATE_TIMEOUT);
    afterAll(async () => t?.close());

    it('publishes the demo page with its certificate and only the public document open', async () => {
      const anon = new Client(t.app);
      const page = (await anon.get('/api/v1/trust/demo')).json();
      expect(page.title).toBe('Northwind Trust Center');
      expect(page.certificates[0]).toMatchObject({ number: 'CERTA-27001-0427', status: 'valid' });
      const levels = Object.fromEntries(
        page.documents.map((d: { title: string; access: string }) => [d.title, d.access]),
      );
      expect(levels).toEqual({
        'Information security policy summary': 'granted',
        'Penetration test summary 2026': 'needs_nda',
        'SOC 2 Type II bridge letter': 'needs_request',
        'Statement of Applicability summary': 'needs_nda',
      });
      expect(JSON.stringify(page)).not.toContain('Risk treatment plan');
    });

    it('serves the SoA summary from the approved SoA, watermarked, after the NDA', async () => {
      const eve = new Client(t.app);
      expect((await eve.post('/api/v1/trust/demo/nda', nda('eve@customer.example'))).statusCode).toBe(204);
      const soa = (await eve.get('/api/v1/trust/demo'))
        .json()
        .documents.find((d: { title: string }) => d.title === 'Statement of Applicability summary');
      const file = await eve.get(`/api/v1/trust/demo/documents/${soa.id}`);
      expect(file.statusCode).toBe(200);
      const text = pdfText(file.rawPayload);
      expect(text).toContain('A.5.1');
      expect(text).toContain('eve@customer.example');
      // internal SoA columns stay inside
      expect(text).not.toContain('How it is implemented');
      // Renders the 93-control summary PDF and stamps it: seconds under load.
    }, 30_000);

    it('has a pending request, a grant and a share link for the admin to work with', async () => {
      const isabel = new Client(t.app);
      await isabel.signIn('isabel.martin@demo.example', DEMO_PASSWORD);
      const base = '/api/v1/orgs/demo/trust';
      expect((await isabel.get(`${base}/requests?status=pending`)).json().items[0]).toMatchObject({
        email: 'sam.carter@prospect.example',
      });
      expect((await isabel.get(`${base}/grants`)).json().items[0]).toMatchObject({
        subject: 'auditor@bigbank.example',
        live: true,
      });
      expect((await isabel.get(`${base}/links`)).json().items[0]).toMatchObject({
        label: 'Fabrikam procurement review',
        live: true,
      });
      expect((await isabel.get('/api/v1/orgs/demo/audit-log/verify')).json()).toMatchObject({ ok: true });
    });
  });
}
