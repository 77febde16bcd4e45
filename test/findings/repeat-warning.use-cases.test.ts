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

    it('groups open minors by requirement and by process, following grade, status and area changes', async () => {
      const org = await makeOrganisation(u, `systemic-${kind}`);
      const admin = makeContext(u, org, { role: 'admin' });
      const audit = { ref: 'S2', type: 'stage2', certificationBody: 'CB', reportReceivedOn: '2026-01-12' };
      await createAudit(auditInput.parse(audit), admin);
      const add = async (ref: string, requirements: string[], area: string) =>
        (
          await createFinding(
            {
              ...findingInput.parse({ ref, grade: 'minor', requirements, area, statement: `Of ${ref}` }),
              auditRef: 'S2',
            },
            admin,
          )
        ).id as string;
      const a = await add('NC-1', ['A.5.15'], 'Payroll');
      const b = await add('NC-2', ['A.5.15'], 'Payroll ');
      const systemic = async () => {
        const { items } = await listFindings({ ...pageQuery.parse({}), ...findingQuery.parse({}) }, admin);
        return items
          .find((f) => f.ref === 'NC-1')!
          .escalation.filter((e) => e.kind === 'possible_systemic_major')
          .map((e) => e.message);
      };
      // Two open minors (the default threshold) on one requirement and in one process (trimmed, any case).
      expect(await systemic()).toEqual([
        '2 open minor nonconformities on requirement A.5.15 in this audit cycle (NC-1, NC-2) may be graded as one major',
        expect.stringMatching(/^2 open minor nonconformities on .*payroll.* \(NC-1, NC-2\)/i),
      ]);
      const set = (id: string, patch: Parameters<typeof updateFinding>[3]) =>
        updateFinding(u.rt.database.db, org.id, id, patch);
      await set(b, { requirements_json: JSON.stringify(['A.8.8']) });
      expect(await systemic()).toHaveLength(1); // the process still groups them
      await set(b, { area: 'Logistics' });
      expect(await systemic()).toEqual([]);
      await set(b, { area: 'payroll', requirements_json: JSON.stringify(['A.5.15']) });
      expect(await systemic()).toHaveLength(2);
      await set(b, { grade: 'major' });
      expect(await systemic()).toEqual([]);
      await set(b, { grade: 'minor' });
      expect(await systemic()).toHaveLength(2);
      await set(b, { status: 'closed' });
      expect(await systemic()).toEqual([]);
      void a;
    });
  });
}
