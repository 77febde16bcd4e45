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

// Issue #13, "ISMS an auditor checks": the risk owner's sign-off (6.1.3 f), the context with the climate
// determination (4.1, 4.2, Amd 1:2024), management review inputs 9.3.2 a–g with risks and scores, SoA
// approval warnings and the required compare parameters.

const org = '/api/v1/orgs/acme';
const today = new Date().toISOString().slice(0, 10);
const risk = {
  ref: 'R-01',
  title: 'Ransomware encrypts production databases',
  owner: 'Tom Becker',
  inherent: { likelihood: 4, impact: 5 },
  residual: { likelihood: 2, impact: 4 },
  treatment: 'modify',
  controls: ['8.13'],
};
const context = {
  issues: [
    { kind: 'external', text: 'NIS2 reporting duties', recordedOn: today },
    { kind: 'external', text: 'Floods threaten the data centre region', climate: true, recordedOn: today },
    { kind: 'internal', text: 'Team doubled in a year', recordedOn: today },
  ],
  parties: [
    {
      name: 'Enterprise customers',
      requirements: 'ISO/IEC 27001 certificate',
      climateRequirements: 'Continuity plans for extreme weather',
      recordedOn: today,
    },
  ],
  feedback: [{ party: 'Enterprise customers', receivedOn: today, summary: 'Asked for restore tests' }],
  climate: { relevant: true, statement: 'Floods can stop the hosting region', determinedOn: today },
};

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`ISMS records an auditor checks on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let claire: Client; // external auditor: reads, never writes
    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'ada@acme.test');
      claire = await addMember(t, admin, 'acme', 'claire@certa.test', 'external_auditor');
    });
    afterAll(async () => t?.close());

    it('records the risk owner’s approval of the plan and acceptance of the residual risk (6.1.3 f)', async () => {
      const created = await admin.post(`${org}/risks`, risk);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        treatmentApproval: null,
        residualAcceptance: null,
        signOff: 'awaiting_approval',
      });
      const approved = await admin.patch(`${org}/risks/R-01`, {
        treatmentApproval: { by: 'Tom Becker', on: today },
      });
      expect(approved.json()).toMatchObject({ signOff: 'awaiting_acceptance' });
      const future = await admin.patch(`${org}/risks/R-01`, {
        residualAcceptance: { by: 'Tom Becker', on: '2999-01-01' },
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().errors.map((e: { path: string }) => e.path)).toContain('body/residualAcceptance');
      const accepted = await admin.patch(`${org}/risks/R-01`, {
        residualAcceptance: { by: 'Tom Becker', on: today },
      });
      expect(accepted.json()).toMatchObject({
        signOff: 'complete',
        residualAcceptance: { by: 'Tom Becker', on: today },
      });
      const ownerless = await admin.post(`${org}/risks`, {
        ...risk,
        ref: 'R-02',
        owner: '',
        treatmentApproval: { by: 'Someone', on: today },
      });
      expect(ownerless.statusCode).toBe(400);
      expect((await claire.get(`${org}/risks/R-02`)).statusCode).toBe(404);
      const half = await admin.post(`${org}/risks`, {
        ...risk,
        ref: 'R-03',
        treatmentApproval: { by: 'Tom Becker' },
      });
      expect(half.statusCode).toBe(400);
      expect(half.json().errors[0].path).toContain('treatmentApproval');
      expect((await claire.patch(`${org}/risks/R-01`, { treatmentApproval: null })).statusCode).toBe(403);
    });

    it('refuses a sign-off by someone other than the risk owner, naming the owner (6.1.3 f)', async () => {
      const other = await admin.post(`${org}/risks`, {
        ...risk,
        ref: 'R-04',
        treatmentApproval: { by: 'Ada Lovelace', on: today },
      });
      expect(other.statusCode, other.body).toBe(409);
      expect(other.json()).toMatchObject({ code: 'not_risk_owner' });
      expect(other.json().detail).toContain('the risk owner, Tom Becker, not by Ada Lovelace');
      expect(other.json().errors.map((e: { path: string }) => e.path)).toEqual(['body/treatmentApproval']);
      expect((await admin.get(`${org}/risks/R-04`)).statusCode).toBe(404);
      // Handing the risk to a new owner keeps the old owner's signatures out of force: refused until re-signed.
      const handed = await admin.patch(`${org}/risks/R-01`, { owner: 'Isabel Martín' });
      expect(handed.statusCode, handed.body).toBe(409);
      expect(handed.json().detail).toContain('the risk owner, Isabel Martín, not by Tom Becker');
      const resigned = await admin.patch(`${org}/risks/R-01`, {
        owner: 'Isabel Martín',
        treatmentApproval: { by: 'Isabel Martín', on: today },
        residualAcceptance: { by: 'isabel martín', on: today },
      });
      expect(resigned.statusCode, resigned.body).toBe(200);
      expect(resigned.json()).toMatchObject({ owner: 'Isabel Martín', signOff: 'complete' });
      const resetOwner = await admin.patch(`${org}/risks/R-01`, {
        owner: 'Tom Becker',
        treatmentApproval: { by: 'Tom Becker', on: today },
        residualAcceptance: { by: 'Tom Becker', on: today },
      });
      expect(resetOwner.statusCode, resetOwner.body).toBe(200);
    });

    it('keeps the context with the climate-change determination and refuses an incoherent one', async () => {
      const empty = (await claire.get(`${org}/context`)).json();
      expect(empty).toMatchObject({ issues: [], climate: { relevant: null }, updatedAt: null });
      expect(empty.gaps).toContain(
        'whether climate change is a relevant issue is not determined (4.1, Amd 1:2024)',
      );
      const unstated = await admin.put(`${org}/context`, {
        ...context,
        climate: { relevant: true, statement: '', determinedOn: today },
      });
      expect(unstated.statusCode).toBe(400);
      expect(unstated.json().errors.map((e: { path: string }) => e.path)).toEqual(['body/climate/statement']);
      const noClimateIssue = await admin.put(`${org}/context`, {
        ...context,
        issues: context.issues.filter((i) => !i.climate),
      });
      expect(noClimateIssue.json().errors.map((e: { path: string }) => e.path)).toEqual(['body/issues']);
      const saved = await admin.put(`${org}/context`, context);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ gaps: [], updatedBy: 'ada@acme.test' });
      expect(saved.json().climateLine).toMatch(/^Climate change is a relevant issue/);
      expect((await claire.put(`${org}/context`, context)).statusCode).toBe(403);
    });

    it('gathers 9.3.2 a–g with the context, the risks and the scores (regression: "not tracked")', async () => {
      const r = await admin.post(`${org}/management-reviews`, { ref: 'MR-1', heldOn: today, chair: 'Ada' });
      expect(r.statusCode, r.body).toBe(201);
      const inputs = r.json().inputs as { clause: string; available: boolean; lines: string[] }[];
      const at = (clause: string) => inputs.find((s) => s.clause === clause)!;
      expect(inputs.map((s) => s.clause)).toEqual([
        '9.3.2 a',
        '9.3.2 b',
        '9.3.2 c',
        '9.3.2 d 1',
        '9.3.2 d 2',
        '9.3.2 d 3',
        '9.3.2 d 4',
        '9.3.2 e',
        '9.3.2 f',
        '9.3.2 g',
      ]);
      for (const clause of ['9.3.2 b', '9.3.2 c', '9.3.2 d 2', '9.3.2 e', '9.3.2 f'])
        expect(at(clause).available, clause).toBe(true);
      expect(at('9.3.2 b').lines).toContain('External (climate): Floods threaten the data centre region');
      expect(at('9.3.2 c').lines[0]).toContain('climate: Continuity plans for extreme weather');
      expect(at('9.3.2 e').lines).toEqual([`Enterprise customers (${today}): Asked for restore tests`]);
      expect(at('9.3.2 f').lines[1]).toBe(
        'Risk treatment plan: 1 of 1 approved by their owners with the residual risk accepted (6.1.3 f).',
      );
      expect(at('9.3.2 d 2').lines[0]).toMatch(
        /^Readiness score \d+\.\d \/ 100, implementation score \d+\.\d \/ 100 \(closeloop-posture\/4\)\.$/,
      );
      // Objectives (6.2) come from the register: an empty one says so (objectives-api.test.ts fills it).
      expect(at('9.3.2 d 4')).toMatchObject({
        available: true,
        lines: ['No information security objectives recorded (6.2).'],
      });
    });

    it('warns on approval, without refusing, for an implemented control with an open NC and a scope mismatch', async () => {
      await admin.post(`${org}/soa/versions`, { changeNote: 'first' });
      const scope = await admin.put(`${org}/soa/versions/1/scope`, {
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
        reason: 'initial',
      });
      expect(scope.statusCode, scope.body).toBe(200);
      for (const c of annexAControls())
        await admin.patch(`${org}/soa/versions/1/controls/${c.id}`, {
          reasons: ['business'],
          ...(c.id === '8.8' ? { status: 'implemented', implementation: 'Weekly scans' } : {}),
        });
      await admin.post(`${org}/audits`, {
        ref: 'S2',
        type: 'stage2',
        certificationBody: 'CB',
        startsOn: today,
        scope: 'Acme payments platform and the London office',
        reportReceivedOn: today,
      });
      const nc = await admin.post(`${org}/audits/S2/findings`, {
        ref: 'NC-1',
        grade: 'minor',
        requirements: ['A.8.8'],
        statement: 'Patches late',
      });
      expect(nc.statusCode, nc.body).toBe(201);
      const draft = (await claire.get(`${org}/soa/versions/1`)).json();
      expect(draft.warnings.map((w: { kind: string }) => w.kind)).toEqual([
        'implemented_with_open_nc',
        'audit_scope',
      ]);
      expect(draft.warnings[0].message).toBe(
        'A.8.8 is marked implemented while open nonconformity S2/NC-1 cites it',
      );
      const approved = await admin.post(`${org}/soa/versions/1/approval`, {});
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().warnings).toHaveLength(2);
      // Kept with the version as approved, whatever happens to the finding later.
      expect((await claire.get(`${org}/soa/versions/1`)).json().warnings).toEqual(approved.json().warnings);
    }, 30_000); // 93 edits and an approval: bounded, not timed

    it('answers 400 with field paths when compare misses from or to (regression: "received NaN")', async () => {
      const none = await claire.get(`${org}/soa/compare`);
      expect(none.statusCode).toBe(400);
      expect(none.body).not.toContain('NaN');
      const paths = none.json().errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['querystring/from', 'querystring/to']));
      const half = await claire.get(`${org}/soa/compare?from=1`);
      expect(half.statusCode).toBe(400);
      expect(half.json().errors.map((e: { path: string }) => e.path)).toEqual(['querystring/to']);
      expect((await claire.get(`${org}/soa/compare?from=1&to=1`)).statusCode).toBe(200);
      const spec = await claire.get('/api/openapi.json');
      expect(spec.statusCode).toBe(200);
      expect(spec.json().paths['/api/v1/orgs/{org}/context']).toBeDefined();
    });
  });
}
