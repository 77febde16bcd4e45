import { describe, expect, it } from 'vitest';
import { hasKind, kinds, setupAdmin, startTestApp } from '../support/harness.ts';

// Session 6: the findings list gave "ageDays": 0 for NCs raised weeks earlier, counting from the day the
// row was entered (as the corrective action log once did, issue #14). Age counts from the audit's last day.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`a finding's age on ${kind}`, () => {
    it('counts from the last day of the audit, not from when the finding was entered', async () => {
      const t = await startTestApp(kind);
      try {
        const admin = await setupAdmin(t, 'acme', 'isa@acme.test');
        const audit = await admin.post('/api/v1/orgs/acme/audits', {
          ref: 'S2-1',
          type: 'stage2',
          certificationBody: 'Certa',
          startsOn: day(-21),
          endsOn: day(-20),
        });
        expect(audit.statusCode, audit.body).toBe(201);
        const f = await admin.post('/api/v1/orgs/acme/audits/S2-1/findings', {
          ref: 'NC-1',
          grade: 'minor',
          requirements: ['A.8.8'],
          statement: 'Patches are late on three laptops.',
        });
        expect(f.statusCode, f.body).toBe(201);
        const list = (await admin.get('/api/v1/orgs/acme/findings')).json() as {
          items: { ageDays: number }[];
        };
        expect(list.items.map((i) => i.ageDays)).toEqual([20]);
        const detail = (await admin.get(`/api/v1/orgs/acme/findings/${f.json().id}`)).json() as {
          ageDays?: number;
        };
        if (detail.ageDays !== undefined) expect(detail.ageDays).toBe(20);
      } finally {
        await t.close();
      }
    });
  });
}
