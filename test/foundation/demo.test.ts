import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/index.ts';
import { verifyAuditTrail } from '../../src/modules/audit-log/audit-log.service.ts';
import { createRuntime } from '../../src/runtime.ts';
import { roles as allRoles } from '../../src/vocabulary/roles.ts';
import { hasKind, kinds, migratedDatabase, testConfig } from '../support/harness.ts';

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`closeloop demo on ${kind}`, () => {
    // Loads the whole demo (every capability's data) twice: tens of seconds on PostgreSQL under load.
    it('loads the demo organisation once, with one member per role and an intact trail', async () => {
      const db = await migratedDatabase(kind);
      const rt = await createRuntime(testConfig(db), {
        migrate: true,
        logger: pino({ level: 'silent' }),
      });
      try {
        expect((await loadDemo(rt)).created).toBe(true);
        expect((await loadDemo(rt)).created).toBe(false);
        const org = await rt.database.db
          .selectFrom('organisation')
          .selectAll()
          .where('slug', '=', 'demo')
          .executeTakeFirstOrThrow();
        const roles = await rt.database.db
          .selectFrom('membership')
          .select('role')
          .where('organisation_id', '=', org.id)
          .execute();
        expect(new Set(roles.map((r) => r.role))).toEqual(new Set(allRoles));
        expect(await rt.database.db.selectFrom('invitation').select('email').execute()).toEqual([
          { email: 'sam.new@demo.example' },
        ]);
        // The stage 2 audit's findings (the internal audit of the certification demo adds its own).
        const findings = await rt.database.db
          .selectFrom('finding')
          .innerJoin('audit', 'audit.id', 'finding.audit_id')
          .select(['finding.ref', 'finding.grade', 'finding.status'])
          .where('finding.organisation_id', '=', org.id)
          .where('audit.ref', '=', 'S2-2026')
          .execute();
        const count = (g: string) => findings.filter((f) => f.grade === g).length;
        expect([count('major'), count('minor'), count('ofi')]).toEqual([2, 5, 3]);
        expect(new Set(findings.map((f) => f.status))).toEqual(
          new Set([
            'implementing',
            'analysing',
            'plan_submitted',
            'open',
            'closed',
            'evidence_submitted',
            'verified_internally',
            'accepted',
            'planned',
            'declined',
          ]),
        );
        expect(await verifyAuditTrail(rt.database.db, org.id)).toMatchObject({ ok: true });
      } finally {
        await rt.close();
      }
    }, 180_000);
  });
}
