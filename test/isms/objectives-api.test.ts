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

// Issue #13, information security objectives (ISO/IEC 27001:2022 6.2): the register with measure, target,
// plan, resources, owner, due date and evaluation; results recorded over time; "achieved" only on a result
// that meets the target; deletion only while nothing was measured; the management review input 9.3.2 d 4
// and the mandatory documented information list read the register (both said "not recorded" before).

const org = '/api/v1/orgs/acme';
const today = new Date().toISOString().slice(0, 10);
const dayOffset = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const availability = {
  ref: 'OBJ-01',
  title: 'Keep the platform available',
  measure: 'Monthly availability of the customer API',
  target: 99.9,
  unit: '%',
  plan: 'Multi-AZ database and a failover drill each quarter',
  resources: 'Platform team',
  owner: 'Tom Becker',
  dueOn: dayOffset(180),
  evaluation: 'Monthly from the probe report',
};

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`information security objectives on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let claire: Client; // external auditor: reads, never writes
    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'ada@acme.test');
      claire = await addMember(t, admin, 'acme', 'claire@certa.test', 'external_auditor');
    });
    afterAll(async () => t?.close());

    it('plans an objective with what, resources, who, when and how it is evaluated (6.2)', async () => {
      const created = await admin.post(`${org}/objectives`, availability);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        ...availability,
        direction: 'at_least',
        targetText: '≥ 99.9 %',
        status: 'planned',
        progress: 'not_measured',
        overdue: false,
        results: [],
        resultCount: 0,
        updatedBy: 'ada@acme.test',
      });
      const unmeasured = await admin.post(`${org}/objectives`, { ref: 'OBJ-X', title: 'Be secure' });
      expect(unmeasured.statusCode).toBe(400);
      expect(
        unmeasured
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(['body/measure', 'body/target']);
      expect((await admin.post(`${org}/objectives`, availability)).statusCode).toBe(409);
      const claimed = await admin.post(`${org}/objectives`, {
        ...availability,
        ref: 'OBJ-9',
        status: 'achieved',
      });
      expect(claimed.statusCode).toBe(400);
      expect(claimed.json().errors[0].path).toBe('body/status');
      expect((await claire.post(`${org}/objectives`, { ...availability, ref: 'OBJ-8' })).statusCode).toBe(
        403,
      );
      const list = (await claire.get(`${org}/objectives`)).json();
      expect(list.items.map((o: { ref: string }) => o.ref)).toEqual(['OBJ-01']);
    });

    it('records results over time and keeps "achieved" true to the latest figure', async () => {
      const future = await admin.post(`${org}/objectives/OBJ-01/results`, {
        measuredOn: dayOffset(1),
        value: 99.95,
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().errors[0].path).toBe('body/measuredOn');
      const missed = await admin.post(`${org}/objectives/OBJ-01/results`, {
        measuredOn: dayOffset(-31),
        value: 99.5,
        note: 'outage on the 12th',
      });
      expect(missed.statusCode, missed.body).toBe(201);
      expect(missed.json()).toMatchObject({ progress: 'off_target', resultCount: 1 });
      const notYet = await admin.patch(`${org}/objectives/OBJ-01`, { status: 'achieved' });
      expect(notYet.statusCode).toBe(400);
      expect(notYet.json().detail).toBe(
        `the latest result (99.5 % on ${dayOffset(-31)}) misses the target ≥ 99.9 %`,
      );
      await admin.post(`${org}/objectives/OBJ-01/results`, { measuredOn: today, value: 99.95 });
      const achieved = await admin.patch(`${org}/objectives/OBJ-01`, { status: 'achieved' });
      expect(achieved.statusCode, achieved.body).toBe(200);
      expect(achieved.json()).toMatchObject({ status: 'achieved', progress: 'on_target', resultCount: 2 });
      expect(
        achieved.json().results.map((r: { value: number; meetsTarget: boolean }) => [r.value, r.meetsTarget]),
      ).toEqual([
        [99.95, true],
        [99.5, false],
      ]);
      // A later miss on an achieved objective is refused until its status says otherwise.
      const later = await admin.post(`${org}/objectives/OBJ-01/results`, { measuredOn: today, value: 98 });
      expect(later.statusCode).toBe(400);
      expect((await claire.get(`${org}/objectives/OBJ-01`)).json().resultCount).toBe(2);
      expect(
        (await claire.post(`${org}/objectives/OBJ-01/results`, { measuredOn: today, value: 1 })).statusCode,
      ).toBe(403);
      const trail = (await admin.get(`${org}/audit-log?action=objective.record_result`)).json();
      expect(trail.items).toHaveLength(2);
    });

    it('deletes an objective only while nothing was measured; a measured one is withdrawn', async () => {
      await admin.post(`${org}/objectives`, {
        ...availability,
        ref: 'OBJ-02',
        title: 'Draft',
        dueOn: dayOffset(-1),
      });
      expect((await claire.get(`${org}/objectives/OBJ-02`)).json()).toMatchObject({ overdue: true });
      expect((await claire.delete(`${org}/objectives/OBJ-02`)).statusCode).toBe(403);
      expect((await admin.delete(`${org}/objectives/OBJ-02`)).statusCode).toBe(204);
      expect((await admin.get(`${org}/objectives/OBJ-02`)).statusCode).toBe(404);
      const kept = await admin.delete(`${org}/objectives/OBJ-01`);
      expect(kept.statusCode).toBe(409);
      expect(kept.json()).toMatchObject({ code: 'invalid_state' });
      expect(kept.json().detail).toContain('set its status to withdrawn instead');
      await admin.post(`${org}/objectives`, { ...availability, ref: 'OBJ-03', title: 'Old one' });
      await admin.post(`${org}/objectives/OBJ-03/results`, { measuredOn: today, value: 99 });
      const withdrawn = await admin.patch(`${org}/objectives/OBJ-03`, { status: 'withdrawn' });
      expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', overdue: false });
      const onWithdrawn = await admin.post(`${org}/objectives/OBJ-03/results`, {
        measuredOn: today,
        value: 99.99,
      });
      expect(onWithdrawn.statusCode).toBe(409);
    });

    it('feeds the management review (9.3.2 d 4) and the mandatory documents list (regression: "not recorded")', async () => {
      await admin.post(`${org}/objectives`, {
        ref: 'OBJ-04',
        title: 'Contain incidents faster',
        measure: 'Median hours to containment',
        target: 4,
        direction: 'at_most',
        unit: 'hours',
        owner: 'Isabel',
      });
      await admin.post(`${org}/objectives/OBJ-04/results`, { measuredOn: dayOffset(-2), value: 6 });
      // A review held before that result does not count it: the inputs are as of the review's day.
      const early = (
        await admin.post(`${org}/management-reviews`, { ref: 'MR-0', heldOn: dayOffset(-3), chair: 'Ada' })
      ).json();
      const earlyLines = early.inputs.find((s: { clause: string }) => s.clause === '9.3.2 d 4')
        .lines as string[];
      expect(earlyLines).toContain(
        'OBJ-04 Contain incidents faster: target ≤ 4 hours, no result recorded; planned — Isabel',
      );
      const r = await admin.post(`${org}/management-reviews`, { ref: 'MR-1', heldOn: today, chair: 'Ada' });
      expect(r.statusCode, r.body).toBe(201);
      const section = r.json().inputs.find((s: { clause: string }) => s.clause === '9.3.2 d 4');
      expect(section.available).toBe(true);
      expect(section.lines[0]).toBe(
        '2 objectives in force: 1 achieved, 0 not achieved, 0 on target, 1 off target, 0 not measured yet; 0 past their due date.',
      );
      expect(section.lines).toContain(
        `OBJ-04 Contain incidents faster: target ≤ 4 hours, latest 6 hours on ${dayOffset(-2)} (off target); planned — Isabel`,
      );
      const ready = (await claire.get(`${org}/document-readiness`)).json();
      const item = ready.items.find((i: { key: string }) => i.key === 'objectives');
      expect(item).toMatchObject({ clause: '6.2', state: 'ok' });
      expect(item.documents.map((d: { ref: string }) => d.ref)).toEqual(['OBJ-01', 'OBJ-04']);
    });
  });
}
