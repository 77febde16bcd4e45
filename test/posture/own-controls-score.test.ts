import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

// The organisation's own applicable controls (ISO/IEC 27001:2022 6.1.3 b NOTE 1) count in the scores with
// the same weights as Annex A controls; the implementation score credits only what is in place. Regression
// (issue #13): the posture model read the 93 Annex A controls only, so an own control never moved a score.

const org = '/api/v1/orgs/acme';
const soa = `${org}/soa/versions/1`;
type Contribution = { id: string; source: string; implementationScore: number; readinessScore: number };

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`own controls in the posture scores on ${kind}`, () => {
    let t: TestApp;
    let isa: Client;
    beforeAll(async () => {
      t = await startTestApp(kind);
      isa = await setupAdmin(t, 'acme', 'isa@acme.test');
      expect((await isa.post(`${org}/soa/versions`, { changeNote: 'first' })).statusCode).toBe(201);
    });
    afterAll(async () => t?.close());

    const explanation = async () => {
      const res = await isa.get(`${org}/posture/explanation`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const byTheme = async () => (await isa.get(`${org}/posture`)).json().byTheme as { key: string }[];
    const control = (e: { contributions: { controls: Contribution[] } }, id: string) =>
      e.contributions.controls.find((c) => c.id === id);

    it('scores an empty organisation 0, and a planned own control adds nothing to the implementation score', async () => {
      const empty = await explanation();
      expect(empty.exact).toEqual({ readinessScore: 0, implementationScore: 0 });
      const added = await isa.post(`${soa}/other-controls`, {
        controlId: 'ORG-1',
        title: 'Certificate of deletion of customer data at contract end',
        reasons: ['contractual'],
        status: 'planned',
      });
      expect(added.statusCode, added.body).toBe(201);
      const e = await explanation();
      expect(e.model).toBe('closeloop-posture/4');
      expect(control(e, 'ORG-1')).toMatchObject({ source: 'other', implementationScore: 0 });
      expect(e.exact.implementationScore).toBe(0);
      expect(e.weights.implementedFactor).toMatchObject({ planned: 0, implemented: 1 });
      // A plan is progress towards readiness: the readiness score credits it as for Annex A.
      expect(control(e, 'ORG-1')!.readinessScore).toBeGreaterThan(0);
      expect((await byTheme()).map((a) => a.key)).toContain('other');
    });

    it('raises the implementation score for an implemented own control exactly as for an Annex A one', async () => {
      const before = (await explanation()).exact.implementationScore;
      const edited = await isa.patch(`${soa}/controls/ORG-1`, {
        status: 'implemented',
        implementation: 'Deletion runbook; certificate signed by the CISO',
      });
      expect(edited.statusCode, edited.body).toBe(200);
      const e = await explanation();
      expect(e.exact.implementationScore).toBeGreaterThan(before);
      expect(control(e, 'ORG-1')!.implementationScore).toBeGreaterThan(0);
      // Same weight as an Annex A control in the same state (neither treats a risk).
      const annex = await isa.patch(`${soa}/controls/5.1`, {
        status: 'implemented',
        implementation: 'Policy set approved by the board',
        reasons: ['business'],
      });
      expect(annex.statusCode, annex.body).toBe(200);
      const both = await explanation();
      expect(control(both, 'ORG-1')!.implementationScore).toBeCloseTo(
        control(both, '5.1')!.implementationScore,
        9,
      );
      expect(control(both, 'ORG-1')!.readinessScore).toBeCloseTo(control(both, '5.1')!.readinessScore, 9);
      const own = (await byTheme()).find((a) => a.key === 'other');
      expect(own).toMatchObject({ inPlace: 1, score: 100 });
    });

    it('never lowers a score for an OFI', async () => {
      const before = (await explanation()).exact;
      expect(
        (
          await isa.post(`${org}/audits`, {
            ref: 'IA-1',
            type: 'internal',
            certificationBody: 'Internal audit',
            reportReceivedOn: '2026-11-02',
          })
        ).statusCode,
      ).toBe(201);
      const ofi = await isa.post(`${org}/audits/IA-1/findings`, {
        ref: 'OFI-1',
        grade: 'ofi',
        requirements: ['A.5.1'],
        statement: 'Deletion certificates could be issued automatically.',
      });
      expect(ofi.statusCode, ofi.body).toBe(201);
      expect((await explanation()).exact).toEqual(before);
    });
  });
}
