import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annexAControls } from '../../src/reference/catalogue.ts';
import {
  addMember,
  type Client,
  hasKind,
  kinds,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';

// Issue #13: "the SoA may list other necessary controls with their own ids" (ISO/IEC 27001:2022 6.1.3 b
// NOTE 1, 6.1.3 c NOTE 2). Regression: only Annex A ids were accepted.

const soa = '/api/v1/orgs/acme/soa';
const other = {
  controlId: 'ORG-1',
  title: 'Certificate of deletion of customer data at contract end',
  reasons: ['contractual'],
  status: 'partial',
  owner: 'Isa',
  reason: 'Enterprise contracts require it',
};

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`other necessary controls in the SoA on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let claire: Client; // external auditor: reads, never writes
    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'ada@acme.test');
      claire = await addMember(t, admin, 'acme', 'claire@certa.test', 'external_auditor');
      expect((await admin.post(`${soa}/versions`, { changeNote: 'first' })).statusCode).toBe(201);
    });
    afterAll(async () => t?.close());

    it('adds a control under its own id beside the 93 of Annex A, listed after them', async () => {
      const added = await admin.post(`${soa}/versions/1/other-controls`, other);
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({
        controlId: 'ORG-1',
        title: other.title,
        source: 'other',
        theme: 'other',
        applicable: true,
        reasons: ['contractual'],
        status: 'partial',
      });
      const v = (await claire.get(`${soa}/versions/1`)).json();
      expect(v.entries).toHaveLength(94);
      expect(v.entries.at(-1).controlId).toBe('ORG-1');
      expect(v.entries[0]).toMatchObject({ controlId: '5.1', source: 'annex_a' });
      expect(v.counts.controls).toBe(94);
      // Edited like any line of the draft.
      const edited = await admin.patch(`${soa}/versions/1/controls/ORG-1`, {
        status: 'implemented',
        implementation: 'Deletion runbook; certificate signed by the CISO',
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ status: 'implemented', title: other.title });
    });

    it('refuses an Annex A-shaped or malformed id with its field path, a duplicate, and an auditor', async () => {
      for (const controlId of ['5.1', 'A.5.1', 'org-1', ''])
        expect(
          (await admin.post(`${soa}/versions/1/other-controls`, { ...other, controlId })).json(),
        ).toMatchObject({
          status: 400,
          errors: [expect.objectContaining({ path: 'body/controlId' })],
        });
      const twice = await admin.post(`${soa}/versions/1/other-controls`, other);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().detail).toContain('already lists ORG-1');
      const noReason = await admin.post(`${soa}/versions/1/other-controls`, {
        ...other,
        controlId: 'ORG-2',
        reasons: [],
      });
      expect(noReason.statusCode).toBe(400);
      expect(
        (await claire.post(`${soa}/versions/1/other-controls`, { ...other, controlId: 'ORG-3' })).statusCode,
      ).toBe(403);
      const v = (await claire.get(`${soa}/versions/1`)).json();
      expect(v.entries).toHaveLength(94);
    });

    it('removes an own control but never an Annex A one, and logs both changes', async () => {
      expect(
        (await admin.post(`${soa}/versions/1/other-controls`, { ...other, controlId: 'ORG-9' })).statusCode,
      ).toBe(201);
      expect((await admin.delete(`${soa}/versions/1/other-controls/5.1`)).statusCode).toBe(409);
      expect((await admin.delete(`${soa}/versions/1/other-controls/ORG-9`)).statusCode).toBe(204);
      expect((await admin.delete(`${soa}/versions/1/other-controls/ORG-9`)).statusCode).toBe(404);
      const v = (await claire.get(`${soa}/versions/1`)).json();
      expect(v.entries.map((e: { controlId: string }) => e.controlId)).not.toContain('ORG-9');
      const trail = (await admin.get('/api/v1/orgs/acme/audit-log?pageSize=200')).json();
      const actions = trail.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['soa.control.add', 'soa.control.remove']));
    });

    it('is approved with the SoA, printed in its own section, and copied into the next version', async () => {
      for (const c of annexAControls())
        await admin.patch(`${soa}/versions/1/controls/${c.id}`, { reasons: ['business'] });
      const scope = await admin.put(`${soa}/versions/1/scope`, {
        scope: {
          statement: 'Acme payments platform',
          locations: [],
          businessUnits: [],
          systems: [],
          processes: [],
          interfaces: [],
          dependencies: [],
          exclusions: [],
          requirements: [],
        },
      });
      expect(scope.statusCode, scope.body).toBe(200);
      const approved = await admin.post(`${soa}/versions/1/approval`, {});
      expect(approved.statusCode, approved.body).toBe(200);
      // Read-only once approved.
      expect(
        (await admin.post(`${soa}/versions/1/other-controls`, { ...other, controlId: 'ORG-4' })).statusCode,
      ).toBe(409);
      const pdf = await claire.get(`${soa}/versions/1/export?format=pdf`);
      expect(pdf.statusCode).toBe(200);
      const flat = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
      expect(flat).toContain('Other necessary controls (beyond Annex A)');
      expect(flat).toContain('ORG-1');
      expect(flat).toContain('93 in Annex A and 1 other necessary');
      expect(flat).not.toContain('A.ORG-1');
      const next = await admin.post(`${soa}/versions`, { changeNote: 'second' });
      expect(next.statusCode, next.body).toBe(201);
      expect(next.json().entries.find((e: { controlId: string }) => e.controlId === 'ORG-1')).toMatchObject({
        title: other.title,
        status: 'implemented',
      });
    }, 30_000);
  });
}
