import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  hasKind,
  kinds,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';
import { upload } from '../support/multipart.ts';

const certificate = {
  number: 'IS 712345',
  certificationBody: 'Certa Assurance',
  scope: 'Northwind cloud platform',
  issuedOn: '2027-01-31',
};

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`certificate document and status on ${kind}`, () => {
    let t: TestApp;
    let isa: Client;
    let claire: Client; // external auditor: reads the certificate document
    let certId: string;
    beforeAll(async () => {
      t = await startTestApp(kind);
      isa = await setupAdmin(t, 'acme', 'isa@acme.test');
      claire = await addMember(t, isa, 'acme', 'claire@certa.test', 'external_auditor');
      certId = (await isa.post('/api/v1/orgs/acme/certificates', certificate)).json().id;
    });
    afterAll(async () => t?.close());

    it('keeps the certificate file by its SHA-256 and refuses what is not a certificate', async () => {
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const res = await upload(isa, `/api/v1/orgs/acme/certificates/${certId}/file`, 'certificate.pdf', pdf);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().file).toMatchObject({
        fileName: 'certificate.pdf',
        mediaType: 'application/pdf',
        sizeBytes: pdf.length,
      });
      const back = await claire.get(`/api/v1/orgs/acme/certificates/${certId}/file`);
      expect(back.rawPayload.equals(pdf)).toBe(true);
      const text = await upload(
        isa,
        `/api/v1/orgs/acme/certificates/${certId}/file`,
        'c.txt',
        Buffer.from('hello'),
      );
      expect(text.statusCode).toBe(415);
    });

    it('suspends with a reason and never reinstates a withdrawn certificate', async () => {
      const url = `/api/v1/orgs/acme/certificates/${certId}`;
      expect((await isa.patch(url, { status: 'suspended' })).statusCode).toBe(400);
      expect(
        (await isa.patch(url, { status: 'suspended', statusReason: 'missed surveillance' })).json().status,
      ).toBe('suspended');
      expect((await isa.patch(url, { status: 'valid', statusReason: '' })).json()).toMatchObject({
        status: 'valid',
        scope: certificate.scope,
      });
      const other = (
        await isa.post('/api/v1/orgs/acme/certificates', {
          ...certificate,
          number: 'OLD-1',
          issuedOn: '2020-01-01',
        })
      ).json();
      expect(other.status).toBe('expired');
      const w = await isa.patch(`/api/v1/orgs/acme/certificates/${other.id}`, {
        status: 'withdrawn',
        statusReason: 'replaced',
      });
      expect(w.json().status).toBe('withdrawn');
      expect(
        (await isa.patch(`/api/v1/orgs/acme/certificates/${other.id}`, { status: 'valid' })).statusCode,
      ).toBe(409);
    });
  });
}
