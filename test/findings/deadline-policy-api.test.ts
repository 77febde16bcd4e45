import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

// Issue #15: the API validated deadline policies with its own schema, which dropped
// `minorPlanVerifiedAtNextAudit`, refused observation deadlines and accepted evidence due before the plan.
// The API and the domain now share the vocabulary's one schema.

const url = '/api/v1/orgs/acme/deadline-policies';

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`deadline policies through the API on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t);
    });
    afterAll(async () => t?.close());

    it('reads back a preset with minors verified at the next audit', async () => {
      const res = await admin.get(url);
      expect(res.statusCode).toBe(200);
      const cb = res.json().find((p: { key: string }) => p.key === 'cb-90');
      expect(cb.definition).toMatchObject({
        anchor: 'audit_end',
        stage2MajorLimitMonths: 6,
        grades: { minor: { capDays: 30, evidenceDays: null, closeDays: null, verifiedAtNextAudit: true } },
      });
    });

    it('saves and reads back observation deadlines and the next-audit flag', async () => {
      const definition = {
        dayKind: 'calendar',
        grades: {
          major: { capDays: 14, evidenceDays: 30, closeDays: 60 },
          minor: { capDays: 30 },
          observation: { capDays: 45 },
        },
        minorPlanVerifiedAtNextAudit: true,
        notes: 'Observations answered within 45 days.',
      };
      const put = await admin.put(`${url}/our-cb`, { name: 'Our CB', definition });
      expect(put.statusCode).toBe(200);
      // The anchor (last day of the audit) and the stage 2 limit (6 months) take their defaults.
      const stored = { ...definition, anchor: 'audit_end', stage2MajorLimitMonths: 6 };
      expect(put.json().definition).toEqual(stored);
      const back = (await admin.get(url)).json().find((p: { key: string }) => p.key === 'our-cb');
      expect(back).toEqual({ key: 'our-cb', name: 'Our CB', preset: false, definition: stored });
    });

    it('refuses evidence due before the plan, naming the field, and writes nothing', async () => {
      const res = await admin.put(`${url}/backwards`, {
        name: 'Backwards',
        definition: { dayKind: 'calendar', grades: { major: { capDays: 30, evidenceDays: 10 } } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([
        { path: 'body/definition/grades/major/evidenceDays', message: 'must not be earlier than capDays' },
      ]);
      const keys = (await admin.get(url)).json().map((p: { key: string }) => p.key);
      expect(keys).not.toContain('backwards');
    });

    it('refuses minor evidence dates when minors are verified at the next audit', async () => {
      const res = await admin.put(`${url}/mixed`, {
        name: 'Mixed',
        definition: {
          dayKind: 'calendar',
          grades: { minor: { capDays: 30, evidenceDays: 60 } },
          minorPlanVerifiedAtNextAudit: true,
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
        'body/definition/grades/minor/evidenceDays',
      ]);
    });
  });
}
