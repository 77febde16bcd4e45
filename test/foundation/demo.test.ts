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
        // Issue #20: an OpenID Connect provider for the demo domain, not required (the demo password works),
        // a SAML provider for the subsidiary's domain (invitation-only, signed assertions, the IdP's entity
        // id from the pasted metadata), and the ticketing bridge's delivery log: all delivered, one after a refused first try and its
        // back-off, none left pending for a running demo to send.
        const sso = await rt.database.db
          .selectFrom('sso_connection')
          .select(['domain', 'sso_required', 'jit_role', 'protocol', 'clock_skew_seconds'])
          .where('organisation_id', '=', org.id)
          .orderBy('protocol')
          .execute();
        expect(sso.map((c) => ({ ...c, clock_skew_seconds: Number(c.clock_skew_seconds ?? 0) }))).toEqual([
          {
            domain: 'demo.example',
            sso_required: 0,
            jit_role: 'viewer',
            protocol: 'oidc',
            clock_skew_seconds: 0,
          },
          {
            domain: 'emea.demo.example',
            sso_required: 0,
            jit_role: null,
            protocol: 'saml',
            clock_skew_seconds: 60,
          },
        ]);
        const deliveries = await rt.database.db
          .selectFrom('webhook_delivery as d')
          .innerJoin('webhook_event as e', 'e.id', 'd.event_id')
          .select(['d.id', 'd.status', 'd.attempts', 'e.type', 'e.created_at'])
          .where('d.organisation_id', '=', org.id)
          .orderBy('d.seq')
          .execute();
        expect(deliveries.map((d) => d.type)).toEqual(['deadline.missed', 'deadline.missed']);
        expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
        const tries = await rt.database.db
          .selectFrom('webhook_attempt')
          .select(['delivery_id', 'status_code', 'at'])
          .where('organisation_id', '=', org.id)
          .orderBy('at')
          .execute();
        const retried = deliveries.filter((d) => Number(d.attempts) === 2);
        expect(retried).toHaveLength(1);
        const [first, second] = tries.filter((a) => a.delivery_id === retried[0]!.id);
        expect([Number(first!.status_code), Number(second!.status_code)]).toEqual([503, 202]);
        expect(Date.parse(second!.at) - Date.parse(first!.at)).toBe(30_000);
        expect(tries.every((a) => a.at <= new Date().toISOString())).toBe(true);
        expect(await verifyAuditTrail(rt.database.db, org.id)).toMatchObject({ ok: true });
      } finally {
        await rt.close();
      }
    }, 180_000);
  });
}
