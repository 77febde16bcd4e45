import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageQuery } from '../../src/contracts/common.ts';
import { auditInput, findingInput, findingQuery } from '../../src/contracts/findings.ts';
import { createAudit } from '../../src/modules/audits/audits.service.ts';
import { updateFinding } from '../../src/modules/findings/findings.repository.ts';
import { createFinding, listFindings } from '../../src/modules/findings/findings.service.ts';
import { hasKind, kinds } from '../support/harness.ts';
import { makeContext, makeOrganisation, startUseCaseDb, type UseCaseDb } from '../support/use-cases.ts';

// #16: the "repeats an earlier verified finding" warning (clause 10.2 d: the earlier action was not
// effective) is read from the requirement rows' resolution flag (migration 0029), not from each finding's
// status. The flag must follow every status change and requirement edit of the finding, made through the
// findings repository's one writer (`updateFinding`), or the warning would show or vanish wrongly.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`the repeat warning follows the earlier finding's status, on ${kind}`, () => {
    let u: UseCaseDb;
    beforeAll(async () => {
      u = await startUseCaseDb(kind);
    });
    afterAll(async () => u?.close());

    it('warns once the earlier finding is verified, keeps it across a requirement edit, drops it on reopening', async () => {
      const org = await makeOrganisation(u, `repeat-${kind}`);
      const admin = makeContext(u, org, { role: 'admin' });
      const audit = auditInput.parse({
        ref: 'S2',
        type: 'stage2',
        certificationBody: 'CB',
        reportReceivedOn: '2026-01-12',
      });
      await createAudit(audit, admin);
      const add = async (ref: string, requirements: string[]) => {
        const f = await createFinding(
          {
            ...findingInput.parse({ ref, grade: 'minor', requirements, statement: `Statement of ${ref}` }),
            auditRef: 'S2',
          },
          admin,
        );
        // Creation times are compared: the later finding must be created in a later millisecond.
        await new Promise((r) => setTimeout(r, 5));
        return f.id as string;
      };
      const earlier = await add('NC-1', ['A.8.8']);
      await add('NC-2', ['A.8.8', 'A.5.15']);
      const warningsOfNc2 = async () => {
        const { items } = await listFindings(
          { ...pageQuery.parse({}), ...findingQuery.parse({ q: 'NC-2' }) },
          admin,
        );
        const nc2 = items.find((f) => f.ref === 'NC-2');
        return (nc2?.escalation ?? []).map((e) => e.message).filter((m) => m.startsWith('repeats'));
      };
      const set = (patch: Parameters<typeof updateFinding>[3]) =>
        updateFinding(u.rt.database.db, org.id, earlier, patch);

      expect(await warningsOfNc2()).toEqual([]);
      await set({ status: 'closed' });
      expect(await warningsOfNc2()).toEqual([
        'repeats NC-1, whose corrective action was verified: that action was not effective',
      ]);
      // Its requirements edited while closed: the rewritten rows still say resolved.
      await set({ requirements_json: JSON.stringify(['A.5.15', 'A.8.8']) });
      expect(await warningsOfNc2()).toHaveLength(1);
      // Reopened (not effective, 10.2 d): no longer a verified earlier finding.
      await set({ status: 'implementing' });
      expect(await warningsOfNc2()).toEqual([]);
      await set({ status: 'verified_internally' });
      expect(await warningsOfNc2()).toHaveLength(1);
    });
  });
}
