import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';

// The organisation's own controls (ISO/IEC 27001:2022 6.1.3 b NOTE 1) have no official mapping to SOC 2
// or NIST CSF 2.0: the crosswalk never invents one, shows them as "own control — not mapped" and counts
// them as covering nothing, unless the organisation states a mapping itself, marked as its own.
// Regression (issue #13): the crosswalk did not show own controls at all and refused any mapping of one.

const org = '/api/v1/orgs/acme';
const soa = `${org}/soa/versions/1`;
type Source = { from: string; fromKind: string; origin: string; score: number; title: string };
type Target = { id: string; percent: number; level: string; sources: Source[] };

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`own controls in the crosswalks on ${kind}`, () => {
    let t: TestApp;
    let isa: Client;
    let before: Record<string, { percent: number; counts: unknown }>;
    beforeAll(async () => {
      t = await startTestApp(kind);
      isa = await setupAdmin(t, 'acme', 'isa@acme.test');
      expect((await isa.post(`${org}/soa/versions`, { changeNote: 'first' })).statusCode).toBe(201);
      before = {};
      for (const f of ['soc2', 'nist-csf']) before[f] = (await isa.get(`${org}/crosswalks/${f}`)).json();
      for (const [controlId, status] of [
        ['ORG-1', 'implemented'],
        ['ORG-2', 'planned'],
      ] as const)
        expect(
          (
            await isa.post(`${soa}/other-controls`, {
              controlId,
              title: `Own control ${controlId}`,
              reasons: ['contractual'],
              status,
              implementation: status === 'implemented' ? 'Runbook and signed certificates' : '',
            })
          ).statusCode,
        ).toBe(201);
    });
    afterAll(async () => t?.close());

    it('lists own controls as not mapped and counts them as covering nothing', async () => {
      for (const f of ['soc2', 'nist-csf']) {
        const c = (await isa.get(`${org}/crosswalks/${f}`)).json();
        expect(c.ownControls).toEqual([
          {
            id: 'ORG-1',
            title: 'Own control ORG-1',
            soaStatus: 'implemented',
            mappedTo: [],
            note: 'own control — not mapped',
          },
          {
            id: 'ORG-2',
            title: 'Own control ORG-2',
            soaStatus: 'planned',
            mappedTo: [],
            note: 'own control — not mapped',
          },
        ]);
        const sources = (c.targets as Target[]).flatMap((x) => x.sources);
        expect(sources.filter((s) => s.fromKind === 'own_control' || s.from.startsWith('ORG'))).toEqual([]);
        // The implemented own control moved no coverage figure.
        expect({ percent: c.percent, counts: c.counts }).toEqual({
          percent: before[f]!.percent,
          counts: before[f]!.counts,
        });
      }
      const pdf = await isa.get(`${org}/crosswalks/soc2/export?format=pdf`);
      expect(pdf.statusCode).toBe(200);
      const flat = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      expect(flat).toContain('Own controls (6.1.3 b): no official mapping');
      expect(flat).toContain('own control — not mapped');
    });

    it("takes the organisation's own mapping of an own control, marked as its own, and scores it", async () => {
      const mapping = {
        from: 'ORG-1',
        fromKind: 'own_control',
        to: 'CC5.1',
        relationship: 'intersect',
        reason: 'Our deletion control is a control activity for customer data',
      };
      for (const [body, path] of [
        [{ ...mapping, from: 'ORG-9' }, 'body/from'],
        [{ ...mapping, fromKind: 'annex_a' }, 'body/from'],
        [{ ...mapping, relationship: null }, 'body/relationship'],
        [{ ...mapping, to: 'CC99.9' }, 'body/to'],
      ] as const) {
        const refused = await isa.put(`${org}/crosswalks/soc2/overrides`, body);
        expect(refused.statusCode, refused.body).toBe(400);
        expect(refused.json().errors).toEqual([expect.objectContaining({ path })]);
      }
      const saved = await isa.put(`${org}/crosswalks/soc2/overrides`, mapping);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual([expect.objectContaining({ from: 'ORG-1', fromKind: 'own_control' })]);
      const c = (await isa.get(`${org}/crosswalks/soc2`)).json();
      const cc51 = (c.targets as Target[]).find((x) => x.id === 'CC5.1')!;
      expect(cc51).toMatchObject({ level: 'covered', percent: 100 });
      expect(cc51.sources).toEqual([
        expect.objectContaining({
          from: 'ORG-1',
          fromKind: 'own_control',
          origin: 'organisation',
          title: 'Own control ORG-1',
          score: 1,
        }),
      ]);
      expect(c.ownControls[0]).toMatchObject({
        id: 'ORG-1',
        mappedTo: ['CC5.1'],
        note: expect.stringContaining('mapped by the organisation to CC5.1'),
      });
      expect(c.ownControls[1].note).toBe('own control — not mapped');
      // The NIST CSF crosswalk is untouched by a SOC 2 mapping.
      expect((await isa.get(`${org}/crosswalks/nist-csf`)).json().ownControls[0].mappedTo).toEqual([]);
    });
  });
}
