import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hardening from '../../src/db/migrations/0010-hardening.ts';
import { type Client, hasKind, kinds, startTestApp, type TestApp } from '../support/harness.ts';
import { acmeWithFinding, stage2 } from './fixture.ts';

const impossible = ['2026-02-30', '2026-13-01', '2026-00-10', '2025-02-29', '2026-04-31'];

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`impossible dates on ${kind} (issue #18)`, () => {
    let t: TestApp;
    let admin: Client;
    let base: string;
    let userId: string;
    beforeAll(async () => {
      t = await startTestApp(kind);
      const acme = await acmeWithFinding(t);
      admin = acme.admin;
      base = `/api/v1/orgs/acme/findings/${acme.findingId}`;
      userId = (await admin.get('/api/v1/me')).json().user.id;
    });
    afterAll(async () => t?.close());

    it('are refused with 400 on actions, audits and time off; 2028-02-29 is a real date', async () => {
      for (const d of impossible) {
        const action = await admin.post(`${base}/actions`, { title: 'Patch SLA', dueOn: d });
        expect(action.statusCode, d).toBe(400);
        expect(action.json().errors[0].path).toBe('body/dueOn');
        const audit = await admin.post('/api/v1/orgs/acme/audits', {
          ...stage2,
          ref: `X-${d}`,
          reportReceivedOn: d,
        });
        expect(audit.statusCode, d).toBe(400);
        const off = await admin.post(`/api/v1/orgs/acme/plan/people/${userId}/time-off`, { from: d, to: d });
        expect(off.statusCode, d).toBe(400);
      }
      const leap = await admin.post(`${base}/actions`, { title: 'Leap day', dueOn: '2028-02-29' });
      expect(leap.statusCode).toBe(201);
    });

    it('a bad date already stored never takes the dashboard or the summary PDF down', async () => {
      const action = await admin.post(`${base}/actions`, {
        title: 'Stored before the fix',
        dueOn: '2026-05-01',
      });
      expect(action.statusCode).toBe(201);
      await t.rt.database.db
        .updateTable('corrective_action')
        .set({ due_on: '2026-02-30' })
        .where('id', '=', action.json().id)
        .execute();
      const dash = await admin.get('/api/v1/orgs/acme/posture/dashboard');
      expect(dash.statusCode, dash.body).toBe(200);
      const pdf = await admin.get('/api/v1/orgs/acme/posture/summary.pdf');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    });

    it('migration 0012 moves each stored impossible date to the nearest real one', async () => {
      const db = t.rt.database.db;
      await db.updateTable('finding').set({ cap_due_on: '2026-13-01', close_by_on: '2026-04-31' }).execute();
      await hardening.up(db as never);
      const f = await db
        .selectFrom('finding')
        .select(['cap_due_on', 'close_by_on'])
        .executeTakeFirstOrThrow();
      expect(f).toEqual({ cap_due_on: '2026-12-01', close_by_on: '2026-04-30' });
      expect((await admin.get(base)).statusCode).toBe(200);
    });
  });
}
