import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDailySnapshots, refreshChangedPostures } from '../../src/modules/posture/posture.history.ts';
import { cli } from '../support/cli.ts';
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

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
type Figures = { readinessScore: number; implementationScore: number };

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`scores, projection and readiness on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let viewer: Client;
    const base = '/api/v1/orgs/acme/posture';
    const ids: Record<string, string> = {};
    // The trend's `change` points are recorded by the background job (#16), at most once a minute each.
    const refreshTrend = (minutesAhead: number) =>
      refreshChangedPostures({
        db: t.rt.database.db,
        kind: t.rt.database.kind,
        env: t.rt.env,
        now: () => new Date(Date.now() + minutesAhead * 60_000),
        log: t.rt.log,
      });

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'admin@acme.test');
      viewer = await addMember(t, admin, 'acme', 'exec@acme.test', 'viewer');
      await admin.post('/api/v1/orgs/acme/audits', {
        ref: 'S2',
        type: 'stage2',
        certificationBody: 'CB',
        reportReceivedOn: day(-5),
        policyKey: 'fast-14-30-60',
      });
      const finding = async (ref: string, grade: string, requirements: string[]) =>
        (
          await admin.post('/api/v1/orgs/acme/audits/S2/findings', {
            ref,
            grade,
            requirements,
            statement: ref,
          })
        ).json().id as string;
      // Something in place: a draft SoA with A.5.1 implemented and A.8.8 partly (model /3: open findings
      // take a share of what is in place, so with nothing in place nothing would move).
      expect((await admin.post('/api/v1/orgs/acme/soa/versions', { changeNote: 'first' })).statusCode).toBe(
        201,
      );
      for (const [id, status] of [
        ['5.1', 'implemented'],
        ['8.8', 'partial'],
      ])
        await admin.patch(`/api/v1/orgs/acme/soa/versions/1/controls/${id}`, {
          status,
          implementation: 'described',
        });
      ids.major = await finding('NC-1', 'major', ['A.8.8']);
      ids.minor = await finding('NC-2', 'minor', ['A.8.8']);
      ids.ofi = await finding('OFI-1', 'ofi', ['9.2']);
      const action = async (findingId: string, title: string, effortDays: number) =>
        (
          await admin.post(`/api/v1/orgs/acme/findings/${findingId}/actions`, {
            title,
            ownerEmail: 'admin@acme.test',
            effortDays,
          })
        ).json().id as string;
      ids.owner = await action(ids.major, 'Name the vulnerability owner', 1);
      ids.scan = await action(ids.major, 'Scan every host', 4);
      ids.minorFix = await action(ids.minor, 'Fix the minor', 2);
      const dep = await admin.post('/api/v1/orgs/acme/plan/dependencies', {
        predecessorId: ids.owner,
        successorId: ids.scan,
      });
      expect(dep.statusCode).toBe(201);
      // The other organisation, for the isolation checks.
      expect((await admin.post('/api/v1/organisations', { name: 'Beta', slug: 'beta' })).statusCode).toBe(
        201,
      );
      const bob = await addMember(t, admin, 'beta', 'bob@beta.test', 'admin');
      await bob.post('/api/v1/orgs/beta/audits', {
        ref: 'S2',
        type: 'stage2',
        certificationBody: 'CB',
        reportReceivedOn: day(-5),
        policyKey: 'fast-14-30-60',
      });
      const other = (
        await bob.post('/api/v1/orgs/beta/audits/S2/findings', {
          ref: 'X',
          grade: 'major',
          requirements: ['A.5.1'],
          statement: 'x',
        })
      ).json().id;
      ids.otherAction = (
        await bob.post(`/api/v1/orgs/beta/findings/${other}/actions`, { title: 'x', effortDays: 1 })
      ).json().id;
      await refreshTrend(0);
    });
    afterAll(async () => t?.close());

    it('gives the executive the figures, the readiness and the ranked actions with their prerequisites', async () => {
      const res = await viewer.get(base);
      expect(res.statusCode).toBe(200);
      const p = res.json();
      expect(p.model).toBe('closeloop-posture/4');
      expect(p.readinessScore).toBeGreaterThanOrEqual(0);
      expect(p.readinessScore).toBeLessThanOrEqual(100);
      expect(p.implementationScore).toBeGreaterThanOrEqual(0);
      expect(p.implementationScore).toBeLessThanOrEqual(100);
      expect(p.implementationScore).toBeGreaterThan(0);
      expect(p.byClause.map((a: { key: string }) => a.key)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
      expect(p.readiness.implied).toBe('not_recommended');
      expect(p.readiness.recommendedBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.readiness.blockers.map((b: { ref: string }) => b.ref).sort()).toEqual(['NC-1', 'NC-2']);
      const scan = p.ranked.find((a: { taskId: string }) => a.taskId === ids.scan);
      expect(scan.prerequisites).toEqual([ids.owner]);
      expect(scan.effortDays).toBe(5);
      // The change that created the findings was recorded in the trend.
      expect(p.trend.length).toBeGreaterThan(0);
      expect(p.trend.at(-1)).toMatchObject({
        readinessScore: p.readinessScore,
        implementationScore: p.implementationScore,
        trigger: 'change',
      });
    });

    it('explains the figures with contributions that add up to them', async () => {
      const e = (await admin.get(`${base}/explanation`)).json();
      const sum = (xs: { readinessScore?: number; implementationScore?: number }[], k: keyof Figures) =>
        xs.reduce((s, x) => s + (x[k] ?? 0), 0);
      const c = e.contributions;
      const readinessScore =
        sum(c.controls, 'readinessScore') +
        sum(c.documents, 'readinessScore') +
        sum(c.findings, 'readinessScore');
      const posture =
        sum(c.controls, 'implementationScore') +
        sum(c.attributes, 'implementationScore') +
        sum(c.findings, 'implementationScore');
      expect(readinessScore).toBeCloseTo(e.exact.readinessScore, 6);
      expect(posture).toBeCloseTo(e.exact.implementationScore, 6);
      expect(Math.round(readinessScore * 10) / 10).toBe(e.readinessScore);
      expect(c.controls).toHaveLength(93);
      expect(c.findings.map((f: { ref: string }) => f.ref).sort()).toEqual(['NC-1', 'NC-2', 'OFI-1']);
      const major = c.findings.find((f: { ref: string }) => f.ref === 'NC-1');
      const minor = c.findings.find((f: { ref: string }) => f.ref === 'NC-2');
      expect(major.readinessScore).toBeLessThan(minor.readinessScore);
      // An OFI is not a nonconformity: it takes nothing away (regression: OFIs lowered the scores).
      const ofi = c.findings.find((f: { ref: string }) => f.ref === 'OFI-1');
      expect(ofi).toMatchObject({ load: 0, readinessScore: 0, implementationScore: 0 });
      expect(e.weights).toMatchObject({
        readinessScore: { controls: 50, documents: 50 },
        findingsPenalty: 0.4,
      });
    });

    it('projects a selection without writing anything, and the projection is what completing it records', async () => {
      const trail = async () =>
        (await admin.get('/api/v1/orgs/acme/audit-log?limit=200')).json().items.length;
      const entries = await trail();
      const res = await admin.post(`${base}/projection`, { tasks: [ids.owner, ids.scan] });
      expect(res.statusCode).toBe(200);
      const p = res.json();
      expect(p.exact.delta.readinessScore).toBeGreaterThan(0);
      expect(p.exact.delta.implementationScore).toBeGreaterThan(0);
      expect(p.implied).toEqual({ before: 'not_recommended', after: 'not_recommended' });
      const close = (await admin.post(`${base}/projection`, { findings: [ids.major] })).json();
      expect(close.implied.after).toBe('recommended_upon_action_plan');
      const closeMinor = (await admin.post(`${base}/projection`, { findings: [ids.minor] })).json();
      expect(close.exact.delta.readinessScore).toBeGreaterThan(closeMinor.exact.delta.readinessScore);
      expect(await trail()).toBe(entries);

      for (const taskId of [ids.owner, ids.scan])
        expect(
          (await admin.patch(`/api/v1/orgs/acme/findings/${ids.major}/actions/${taskId}`, { status: 'done' }))
            .statusCode,
        ).toBe(200);
      expect(await refreshTrend(2)).toMatchObject({ recorded: 1 });
      const after = (await admin.get(base)).json();
      expect(after.readinessScore).toBe(p.after.readinessScore);
      expect(after.implementationScore).toBe(p.after.implementationScore);
      expect(after.trend.at(-1)).toMatchObject({
        readinessScore: p.after.readinessScore,
        implementationScore: p.after.implementationScore,
      });
    });

    it("refuses unknown ids and another organisation's with field paths, the same way", async () => {
      const res = await admin.post(`${base}/projection`, { tasks: [ids.minorFix, ids.otherAction, 'nope'] });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const paths = res.json().errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(['tasks/1', 'tasks/2']);
      expect(JSON.stringify(res.json())).not.toContain('"x"');
      const bad = await admin.post(`${base}/projection`, { tasks: 'all' });
      expect(bad.statusCode).toBe(400);
    });

    it('lays the fastest path out with the planner and keeps prerequisites first', async () => {
      const res = await admin.get(`${base}/fastest-path`);
      expect(res.statusCode).toBe(200);
      const p = res.json();
      const order = p.steps.map((s: { taskId: string }) => s.taskId);
      expect(order).toContain(ids.minorFix);
      expect(p.steps.every((s: { forNonconformity: boolean }) => s.forNonconformity)).toBe(true);
      expect(p.steps[0].startOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.recommendedBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.milestones.map((m: { deadline: string }) => m.deadline)).toEqual(['cap', 'evidence']);
    });

    it('serves the dashboard series and the executive summary as PDF', async () => {
      const d = (await viewer.get(`${base}/dashboard`)).json();
      expect(d.byGrade).toEqual([
        { grade: 'major', open: 1, overdue: 0 },
        { grade: 'minor', open: 1, overdue: 0 },
        { grade: 'ofi', open: 1, overdue: 0 },
      ]);
      expect(d.byRequirement[0]).toEqual({ requirement: 'A.8.8', major: 1, minor: 1, ofi: 0 });
      expect(d.burndown.at(0).open).toBe(2);
      expect(d.deadlines.map((x: { kind: string }) => x.kind)).toContain('cap');
      expect(d.overdueTotal).toBe(d.overdue.length); // a few overdue items: all listed
      const pdf = await viewer.get(`${base}/summary.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.rawPayload);
      expect(text).toContain('Executive summary');
      expect(text).toContain('Readiness score');
      expect(text).toMatch(/Implementation score\s+\d{1,3}\.\d \/ 100/);
      expect(text).not.toContain('950');
      expect(text).toContain('NC-1 (major)');
    });

    it('records one point a day per organisation, even when nothing changed', async () => {
      const deps = { db: t.rt.database.db, kind: t.rt.database.kind, env: t.rt.env };
      const tomorrow = () => new Date(Date.now() + 86_400_000);
      expect(await recordDailySnapshots({ ...deps, now: tomorrow })).toEqual({ recorded: 2 });
      expect(await recordDailySnapshots({ ...deps, now: tomorrow })).toEqual({ recorded: 0 });
      const h = (await admin.get(`${base}/history?days=1`)).json();
      expect(h.points.at(-1)).toMatchObject({ trigger: 'daily' });
      expect(h.points.at(-1).recordedAt.slice(0, 10)).toBe(tomorrow().toISOString().slice(0, 10));
      const later = (await admin.get(`${base}/history?days=400`)).json().points;
      expect(later.filter((p: { trigger: string }) => p.trigger === 'change').length).toBeGreaterThan(1);
    });

    it('prints both scores and the top ranked actions from the command line', async () => {
      const db = t.rt.config;
      const r = await cli([
        'posture',
        '--org',
        'acme',
        '--json',
        '--data-dir',
        db.dataDir,
        ...(db.databaseUrl ? ['--database-url', db.databaseUrl] : []),
      ]);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      const api = (await admin.get(base)).json();
      expect(out.readinessScore).toBe(api.readinessScore);
      expect(out.implementationScore).toBe(api.implementationScore);
      expect(out.actions[0]).toMatchObject({ rank: 1, title: 'Fix the minor', finding: 'NC-2' });
      expect(out.actions[0].delta.readinessScore).toBeGreaterThan(0);
    });

    it('scores an organisation with nothing in place 0, whatever its findings (regression: was 50 %)', async () => {
      const beta = (await admin.get('/api/v1/orgs/beta/posture')).json();
      expect(beta).toMatchObject({ readinessScore: 0, implementationScore: 0, openFindings: 1 });
    });

    it('renders snapshots recorded on the 0–950 scale of models /1–/2 on the 0–100 axis', async () => {
      const db = t.rt.database.db;
      const org = await db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'acme')
        .executeTakeFirstOrThrow();
      const at = new Date(Date.now() - 30 * 86_400_000).toISOString();
      await db
        .insertInto('posture_snapshot')
        .values({
          id: 'legacy-1',
          organisation_id: org.id,
          recorded_at: at,
          recorded_on: at.slice(0, 10),
          model_version: 'closeloop-posture/2',
          trigger: 'daily',
          alignment: 61.5,
          posture: 760,
          implementation: null,
          open_findings: 2,
          areas_json: '{}',
        })
        .execute();
      const points = (await admin.get(`${base}/history?days=90`)).json().points;
      expect(points[0]).toMatchObject({
        model: 'closeloop-posture/2',
        readinessScore: 61.5,
        implementationScore: 80,
      });
      for (const p of points) expect(p.implementationScore).toBeLessThanOrEqual(100);
      await db.deleteFrom('posture_snapshot').where('id', '=', 'legacy-1').execute();
    });
  });
}
