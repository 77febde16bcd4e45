import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { migrateToLatest, migrations } from '../../src/db/migrate.ts';
import { freshDatabase, hasKind, kinds } from '../support/harness.ts';

// Migrations 0029 and 0030 (#16) copy onto the derived rows what escalation warnings read by index: each
// finding's resolution and creation time, whether it is an open minor, its audit's cycle and its ref, and
// its process (trimmed, lower case). Rows written before them must come out as the findings say.
const at = '2026-01-10T09:00:00.000Z';
const finding = (id: string, ref: string, status: string) => ({
  id,
  organisation_id: 'o1',
  audit_id: 'a1',
  ref,
  grade: 'minor',
  requirements_json: JSON.stringify(['A.8.8']),
  statement: `Statement of ${ref}`,
  objective_evidence: '',
  area: ref === 'NC-3' ? ' Payroll ' : '',
  owner_user_id: null,
  status,
  ofi_reason: null,
  cap_due_on: null,
  evidence_due_on: null,
  close_by_on: null,
  created_at: `2026-01-0${ref.slice(-1)}T09:00:00.000Z`,
  updated_at: at,
  closed_at: null,
});

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`migration 0029 on ${kind}`, { timeout: 30_000 }, () => {
    it('marks the requirement rows of verified and closed findings resolved, with their creation time', async () => {
      const handle = openDatabase(await freshDatabase(kind));
      try {
        const upTo0028 = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
        const { error } = await upTo0028.migrateTo('0028-job-failure-organisation');
        if (error) throw error;
        const db = handle.db;
        await db
          .insertInto('organisation')
          .values({ id: 'o1', slug: 'acme', name: 'Acme', settings_json: '{}', created_at: at })
          .execute();
        await db
          .insertInto('audit')
          .values({
            id: 'a1',
            organisation_id: 'o1',
            ref: 'S2',
            type: 'stage2',
            certification_body: 'CB',
            lead_auditor: null,
            starts_on: null,
            ends_on: null,
            scope: '',
            report_received_on: null,
            recommendation: null,
            policy_key: 'calendar-30-60-90',
            cycle: '',
            created_at: at,
            updated_at: at,
          } as never)
          .execute();
        const rows = [finding('f1', 'NC-1', 'closed'), finding('f2', 'NC-2', 'verified_internally')];
        rows.push(finding('f3', 'NC-3', 'implementing'));
        await db
          .insertInto('finding')
          .values(rows as never)
          .execute();
        await db
          .insertInto('finding_requirement')
          .values(
            rows.map((r) => ({ organisation_id: 'o1', requirement: 'A.8.8', finding_id: r.id })) as never,
          )
          .execute();
        expect(await migrateToLatest(db)).toEqual([
          '0029-finding-requirement-resolved',
          '0030-escalation-groups',
        ]);
        const after = await db
          .selectFrom('finding_requirement')
          .select(['finding_id', 'resolved', 'finding_created_at', 'open_minor', 'cycle_key', 'ref'])
          .orderBy('finding_id')
          .execute();
        const common = { cycle_key: 'a1' };
        expect(after).toEqual([
          {
            finding_id: 'f1',
            resolved: 1,
            finding_created_at: '2026-01-01T09:00:00.000Z',
            open_minor: 0,
            ref: 'NC-1',
            ...common,
          },
          {
            finding_id: 'f2',
            resolved: 1,
            finding_created_at: '2026-01-02T09:00:00.000Z',
            open_minor: 1,
            ref: 'NC-2',
            ...common,
          },
          {
            finding_id: 'f3',
            resolved: 0,
            finding_created_at: '2026-01-03T09:00:00.000Z',
            open_minor: 1,
            ref: 'NC-3',
            ...common,
          },
        ]);
        const areas = await db
          .selectFrom('finding_area')
          .select(['finding_id', 'area_key', 'open_minor', 'cycle_key', 'ref'])
          .orderBy('finding_id')
          .execute();
        expect(areas).toEqual([
          { finding_id: 'f1', area_key: '', open_minor: 0, cycle_key: 'a1', ref: 'NC-1' },
          { finding_id: 'f2', area_key: '', open_minor: 1, cycle_key: 'a1', ref: 'NC-2' },
          { finding_id: 'f3', area_key: 'payroll', open_minor: 1, cycle_key: 'a1', ref: 'NC-3' },
        ]);
      } finally {
        await handle.close();
      }
    });
  });
}
