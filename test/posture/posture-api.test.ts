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
type Figures = { alignment: number; posture: number };

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`posture, projection and readiness on ${kind}`, () => {
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
      expect(p.model).toBe('closeloop-posture/2');
      expect(p.alignment).toBeGreaterThanOrEqual(0);
      expect(p.alignment).toBeLessThanOrEqual(100);
      expect(p.posture).toBeGreaterThanOrEqual(0);
      expect(p.posture).toBeLessThanOrEqual(950);
      expect(p.byClause.map((a: { key: string }) => a.key)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
      expect(p.readiness.implied).toBe('not_recommended');
      expect(p.readiness.recommendedBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.readiness.blockers.map((b: { ref: string }) => b.ref).sort()).toEqual(['NC-1', 'NC-2']);
      const scan = p.ranked.find((a: { taskId: string }) => a.taskId === ids.scan);
      expect(scan.prerequisites).toEqual([ids.owner]);
      expect(scan.effortDays).toBe(5);
      // The change that created the findings was recorded in the trend.
      expect(p.trend.length).toBeGreaterThan(0);
      expect(p.trend.at(-1)).toMatchObject({ alignment: p.alignment, posture: p.posture, trigger: 'change' });
    });

    it('explains the figures with contributions that add up to them', async () => {
      const e = (await admin.get(`${base}/explanation`)).json();
      const sum = (xs: { alignment?: number; posture?: number }[], k: keyof Figures) =>
        xs.reduce((s, x) => s + (x[k] ?? 0), 0);
      const c = e.contributions;
      const alignment =
        sum(c.controls, 'alignment') +
        sum(c.documents, 'alignment') +
        c.allowances.alignment +
        sum(c.findings, 'alignment');
      const posture =
        sum(c.controls, 'posture') +
        sum(c.attributes, 'posture') +
        c.allowances.posture +
        sum(c.findings, 'posture');
      expect(alignment).toBeCloseTo(e.exact.alignment, 6);
      expect(posture).toBeCloseTo(e.exact.posture, 6);
      expect(Math.round(alignment * 10) / 10).toBe(e.alignment);
      expect(c.controls).toHaveLength(93);
      expect(c.findings.map((f: { ref: string }) => f.ref).sort()).toEqual(['NC-1', 'NC-2', 'OFI-1']);
      const major = c.findings.find((f: { ref: string }) => f.ref === 'NC-1');
      const minor = c.findings.find((f: { ref: string }) => f.ref === 'NC-2');
      expect(major.alignment).toBeLessThan(minor.alignment);
    });

    it('projects a selection without writing anything, and the projection is what completing it records', async () => {
      const trail = async () =>
        (await admin.get('/api/v1/orgs/acme/audit-log?limit=200')).json().items.length;
      const entries = await trail();
      const res = await admin.post(`${base}/projection`, { tasks: [ids.owner, ids.scan] });
      expect(res.statusCode).toBe(200);
      const p = res.json();
      expect(p.exact.delta.alignment).toBeGreaterThan(0);
      expect(p.exact.delta.posture).toBeGreaterThan(0);
      expect(p.implied).toEqual({ before: 'not_recommended', after: 'not_recommended' });
      const close = (await admin.post(`${base}/projection`, { findings: [ids.major] })).json();
      expect(close.implied.after).toBe('recommended_upon_action_plan');
      const closeMinor = (await admin.post(`${base}/projection`, { findings: [ids.minor] })).json();
      expect(close.exact.delta.alignment).toBeGreaterThan(closeMinor.exact.delta.alignment);
      expect(await trail()).toBe(entries);

      for (const taskId of [ids.owner, ids.scan])
        expect(
          (await admin.patch(`/api/v1/orgs/acme/findings/${ids.major}/actions/${taskId}`, { status: 'done' }))
            .statusCode,
        ).toBe(200);
      expect(await refreshTrend(2)).toMatchObject({ recorded: 1 });
      const after = (await admin.get(base)).json();
      expect(after.alignment).toBe(p.after.alignment);
      expect(after.posture).toBe(p.after.posture);
      expect(after.trend.at(-1)).toMatchObject({ alignment: p.after.alignment, posture: p.after.posture });
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
      const pdf = await viewer.get(`${base}/summary.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.rawPayload);
      expect(text).toContain('Executive summary');
      expect(text).toContain('ISO 27001 alignment');
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

    it('prints alignment, posture and the top ranked actions from the command line', async () => {
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
      expect(out.alignment).toBe(api.alignment);
      expect(out.posture).toBe(api.posture);
      expect(out.actions[0]).toMatchObject({ rank: 1, title: 'Fix the minor', finding: 'NC-2' });
      expect(out.actions[0].delta.alignment).toBeGreaterThan(0);
    });
  });
}
