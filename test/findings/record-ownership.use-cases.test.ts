import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditInput, findingInput } from '../../src/contracts/findings.ts';
import { createAudit } from '../../src/modules/audits/audits.service.ts';
import { upsertRecord } from '../../src/modules/corrective-actions/corrective-actions.repository.ts';
import { updateRecord } from '../../src/modules/corrective-actions/corrective-actions.service.ts';
import { getFindingDetail } from '../../src/modules/finding-workflow/detail.service.ts';
import { createFinding } from '../../src/modules/findings/findings.service.ts';
import { hasKind, kinds } from '../support/harness.ts';
import { makeContext, makeOrganisation, startUseCaseDb, type UseCaseDb } from '../support/use-cases.ts';

// #15: the findings module wrote the corrective-actions module's record row when a finding was created.
// The record now belongs to corrective-actions alone: it is created on its first write, a finding nobody
// has worked on reads as the empty record, and the upsert never reaches into another organisation.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`the corrective action record belongs to its module, on ${kind}`, () => {
    let u: UseCaseDb;
    beforeAll(async () => {
      u = await startUseCaseDb(kind);
    });
    afterAll(async () => u?.close());

    async function findingIn(slug: string) {
      const org = await makeOrganisation(u, slug);
      const admin = makeContext(u, org, { role: 'admin' });
      await createAudit(
        auditInput.parse({
          ref: 'S2',
          type: 'stage2',
          certificationBody: 'CB',
          reportReceivedOn: '2026-01-12',
        }),
        admin,
      );
      const f = await createFinding(
        {
          ...findingInput.parse({
            ref: 'NC-1',
            grade: 'major',
            requirements: ['A.5.15'],
            statement: 'No review',
          }),
          auditRef: 'S2',
        },
        admin,
      );
      return { org, admin, findingId: f.id };
    }
    const records = (findingId: string) =>
      u.rt.database.db
        .selectFrom('corrective_action_record')
        .selectAll()
        .where('finding_id', '=', findingId)
        .execute();

    it('creating a finding writes no record row; its detail shows the empty record', async () => {
      const { admin, findingId } = await findingIn('rec-a');
      expect(await records(findingId)).toHaveLength(0);
      const detail = await getFindingDetail({ findingId }, admin);
      expect(detail.record.correction.what).toBe('');
      expect(detail.record.rootCause).toMatchObject({ method: expect.any(String) });
    });

    it('the first write creates the row and a later one amends it', async () => {
      const { admin, findingId } = await findingIn('rec-b');
      await updateRecord({ findingId, expectedEffect: 'Access reviews happen quarterly' }, admin);
      await updateRecord(
        { findingId, correction: { what: 'Reviewed all accounts', who: 'IT', on: '2026-01-20' } },
        admin,
      );
      const [row] = await records(findingId);
      expect(row!.expected_effect).toBe('Access reviews happen quarterly');
      expect(JSON.parse(row!.correction_json)).toMatchObject({ what: 'Reviewed all accounts' });
      expect(await records(findingId)).toHaveLength(1);
    });

    it("an upsert naming another organisation's finding changes nothing", async () => {
      const a = await findingIn('rec-c');
      const b = await findingIn('rec-d');
      await updateRecord({ findingId: a.findingId, expectedEffect: 'kept' }, a.admin);
      await upsertRecord(u.rt.database.db, b.org.id, a.findingId, {
        expected_effect: 'overwritten',
        updated_at: new Date().toISOString(),
      });
      const [row] = await records(a.findingId);
      expect(row).toMatchObject({ organisation_id: a.org.id, expected_effect: 'kept' });
    });

    it("an upsert naming another organisation's finding creates no row, and the owner's first write lands", async () => {
      const a = await findingIn('rec-e');
      const b = await findingIn('rec-f');
      await upsertRecord(u.rt.database.db, b.org.id, a.findingId, {
        expected_effect: 'planted',
        updated_at: new Date().toISOString(),
      });
      expect(await records(a.findingId)).toHaveLength(0);
      await updateRecord({ findingId: a.findingId, expectedEffect: 'the owner writes' }, a.admin);
      const [row] = await records(a.findingId);
      expect(row).toMatchObject({ organisation_id: a.org.id, expected_effect: 'the owner writes' });
    });
  });
}
