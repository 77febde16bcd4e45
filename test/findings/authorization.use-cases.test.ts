import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctiveActionInput } from '../../src/contracts/corrective-actions.ts';
import { auditInput, findingInput, findingQuery } from '../../src/contracts/findings.ts';
import { createAudit, listAudits } from '../../src/modules/audits/audits.service.ts';
import type { OrgContext } from '../../src/modules/context.ts';
import { addAction } from '../../src/modules/corrective-actions/corrective-actions.service.ts';
import { listPolicies } from '../../src/modules/deadline-policies/deadline-policies.service.ts';
import { attachEvidence, readEvidence } from '../../src/modules/evidence/evidence.service.ts';
import { getFindingDetail } from '../../src/modules/finding-workflow/detail.service.ts';
import { transitionFinding } from '../../src/modules/finding-workflow/transitions.service.ts';
import { saveDeadlinePolicy } from '../../src/modules/findings/audit-deadlines.service.ts';
import { createFinding, getFinding, listFindings } from '../../src/modules/findings/findings.service.ts';
import { importFindings } from '../../src/modules/findings-import/import.service.ts';
import { capRevisions, submitCap } from '../../src/modules/reports/cap.service.ts';
import { bufferContent } from '../../src/storage/file-content.ts';
import type { Role } from '../../src/vocabulary/index.ts';
import { hasKind, kinds } from '../support/harness.ts';
import {
  addPerson,
  expectRefused,
  makeContext,
  makeOrganisation,
  type Person,
  startUseCaseDb,
  type TestOrganisation,
  type UseCaseDb,
} from '../support/use-cases.ts';

// A use-case called without the right role fails even without HTTP (issue #15), for each module of the
// audit follow-up: the use-case itself consults the policy table, and a guest's scope (the findings they
// were invited to) holds inside the use-case too. Nothing is written by a refused call.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(
    `audit follow-up use-cases refuse what the policy table denies, on ${kind}`,
    () => {
      let u: UseCaseDb;
      let org: TestOrganisation;
      let guest: Person;
      let invited: string;
      let other: string;
      beforeAll(async () => {
        u = await startUseCaseDb(kind);
        org = await makeOrganisation(u, 'follow');
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
        const finding = (ref: string) =>
          createFinding(
            {
              ...findingInput.parse({
                ref,
                grade: 'minor',
                requirements: ['A.8.8'],
                statement: `${ref} found`,
              }),
              auditRef: 'S2',
            },
            admin,
          );
        invited = (await finding('NC-1')).id;
        other = (await finding('NC-2')).id;
        guest = await addPerson(u, org, 'cb@follow.test', 'external_auditor', [invited]);
      });
      afterAll(async () => u?.close());

      const as = (role: Role): OrgContext => makeContext(u, org, { role });
      const refused = (call: () => Promise<unknown>, code?: 'not_found') => expectRefused(u, org, call, code);
      const asGuest = () =>
        makeContext(u, org, { role: 'external_auditor', person: guest, scope: [invited] });

      it('audits: an action owner may not record an audit; every member reads them', async () => {
        const input = auditInput.parse({ ref: 'S3', type: 'surveillance', certificationBody: 'CB' });
        await refused(() => createAudit(input, as('action_owner')));
        expect((await listAudits({ page: 1, pageSize: 10 }, as('viewer'))).total).toBe(1);
      });

      it('deadline-policies: only an administrator saves a policy; a visitor reads none', async () => {
        const [policy] = await listPolicies({}, as('viewer'));
        await refused(() =>
          saveDeadlinePolicy({ ...(policy as object), key: 'custom' } as never, as('isms_manager')),
        );
        await refused(() => listPolicies({}, makeContext(u, org, { who: { kind: 'visitor' } })));
      });

      it('findings: an internal auditor may not raise a certification-body finding', async () => {
        const input = findingInput.parse({
          ref: 'NC-9',
          grade: 'major',
          requirements: ['A.5.1'],
          statement: 'x',
        });
        await refused(() => createFinding({ ...input, auditRef: 'S2' }, as('internal_auditor')));
      });

      it("findings: a guest's scope holds inside the use-cases (list narrowed, other findings not found)", async () => {
        const list = await listFindings({ page: 1, pageSize: 10, ...findingQuery.parse({}) }, asGuest());
        expect(list.items.map((f) => f.id)).toEqual([invited]);
        expect((await getFinding({ findingId: invited }, asGuest())).id).toBe(invited);
        await refused(() => getFinding({ findingId: other }, asGuest()), 'not_found');
        await refused(() => getFindingDetail({ findingId: other }, asGuest()), 'not_found');
        await refused(() => listAudits({ page: 1, pageSize: 10 }, asGuest()));
      });

      it('findings: a viewer may not move a finding through its lifecycle', async () => {
        await refused(() =>
          transitionFinding({ findingId: invited, action: 'submit_plan' } as never, as('viewer')),
        );
      });

      it('corrective-actions: a viewer or a guest may not plan actions; an action owner may', async () => {
        const input = { ...correctiveActionInput.parse({ title: 'Patch the hosts' }), findingId: invited };
        await refused(() => addAction(input, as('viewer')));
        await refused(() => addAction(input, asGuest()));
        expect((await addAction(input, as('action_owner'))).title).toBe('Patch the hosts');
      });

      it('evidence: a viewer may not attach; a guest reads no evidence of a finding outside their scope', async () => {
        const upload = {
          findingId: invited,
          attachedTo: 'finding' as const,
          attachedId: null,
          fileName: 'scan.txt',
          description: '',
          content: bufferContent(Buffer.from('scan')),
        };
        const ctx = { ...as('viewer'), store: null as never, maxBytes: 1000 };
        await refused(() => attachEvidence(upload, ctx));
        const guestRead = { ...asGuest(), store: null as never };
        await refused(() => readEvidence({ findingId: other, evidenceId: 'e-1' }, guestRead), 'not_found');
      });

      it('findings-import: an action owner may not import a report', async () => {
        const content = bufferContent(Buffer.from('ref\n'));
        const input = { auditRef: 'S2', content, fileName: 'r.csv', dryRun: true };
        await refused(() => importFindings({ ...input, mapping: {} as never }, as('action_owner')));
      });

      it('reports: an action owner may not submit the corrective action plan; a viewer reads its revisions', async () => {
        await refused(() => submitCap({ auditRef: 'S2' }, as('action_owner')));
        expect(await capRevisions({ auditRef: 'S2' }, as('viewer'))).toEqual([]);
      });
    },
  );
}
