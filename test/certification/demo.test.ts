import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/index.ts';
import { verifyAuditTrail } from '../../src/modules/audit-log/audit-log.service.ts';
import { listCertificates } from '../../src/modules/certificates/certificates.service.ts';
import { makeContext } from '../../src/modules/context.ts';
import { showInternalAudit } from '../../src/modules/internal-audits/internal-audits.service.ts';
import { listReviews } from '../../src/modules/management-review/management-review.service.ts';
import { buildAuditReport } from '../../src/modules/reports/audit-reports.ts';
import { createRuntime } from '../../src/runtime.ts';
import { hasKind, kinds, migratedDatabase, testConfig } from '../support/harness.ts';

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`certification demo on ${kind}`, () => {
    // Loads the whole demo: tens of seconds on PostgreSQL under load.
    it('has a certificate with its cycle, an internal audit NC turned finding, and its verification in the report', async () => {
      const db = await migratedDatabase(kind);
      const rt = await createRuntime(testConfig(db), {
        migrate: true,
        logger: pino({ level: 'silent' }),
      });
      try {
        await loadDemo(rt);
        const org = await rt.database.db
          .selectFrom('organisation')
          .selectAll()
          .where('slug', '=', 'demo')
          .executeTakeFirstOrThrow();
        // Read as the demo's internal auditor: the use-cases check the policy table (the CLI actor is not
        // granted the internal audit programme).
        const who = {
          kind: 'member',
          userId: 'ravi',
          email: 'ravi.iyer@demo.example',
          via: 'session',
        } as const;
        const ctx = makeContext(
          { ...who, role: 'internal_auditor' },
          { id: org.id, slug: org.slug, name: org.name },
          { ...rt.database, env: rt.env },
        );
        const [cert] = (await listCertificates({ page: 1, pageSize: 10 }, ctx)).items;
        expect(cert).toMatchObject({ number: 'CERTA-27001-0427', status: 'valid', warnings: [] });
        expect(cert!.file?.mediaType).toBe('application/pdf');
        expect(cert!.audits.map((a) => a.type)).toEqual(['surveillance', 'surveillance', 'recertification']);
        const ia = await showInternalAudit({ ref: 'IA-2026-01' }, ctx);
        expect(ia.status).toBe('completed');
        const nc = ia.checklist.find((c) => c.requirement === 'A.8.8')!;
        expect(nc).toMatchObject({
          result: 'minor',
          // An internal-audit NC is closed by the organisation under 10.2 (verified, reviewed, closed).
          finding: { ref: 'IA-01', status: 'closed' },
        });
        const report = await buildAuditReport({ kind: 'evidence', auditRef: 'IA-2026-01' }, ctx);
        const text = JSON.stringify(report.blocks);
        // The verifier by name and role (not email), the verdict, and the file with its full SHA-256.
        expect(text).toMatch(/Ravi Iyer \(Internal auditor\), \d{4}-\d{2}-\d{2}: criteria met/);
        expect(text).toContain('endpoint-patch-compliance.csv');
        expect(text).toMatch(/"sha256":"[0-9a-f]{64}"/);
        expect((await listReviews({ page: 1, pageSize: 10 }, ctx)).items[0]!.decisions).toHaveLength(2);
        expect(await verifyAuditTrail(rt.database.db, org.id)).toMatchObject({ ok: true });
      } finally {
        await rt.close();
      }
    }, 180_000);
  });
}
