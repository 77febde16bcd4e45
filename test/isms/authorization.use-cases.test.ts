import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCertificate, listCertificates } from '../../src/modules/certificates/certificates.service.ts';
import type { OrgContext } from '../../src/modules/context.ts';
import { commentOnTask } from '../../src/modules/conversations/conversations.service.ts';
import { listOverrides, saveOverride } from '../../src/modules/crosswalks/crosswalks.service.ts';
import { createDocument, listDocuments } from '../../src/modules/documents/documents.service.ts';
import { planInternalAudit } from '../../src/modules/internal-audits/internal-audits.service.ts';
import { pendingVerifications } from '../../src/modules/internal-audits/verification.service.ts';
import { createReview, listReviews } from '../../src/modules/management-review/management-review.service.ts';
import { getPlan } from '../../src/modules/planning/plan.service.ts';
import { createTeam } from '../../src/modules/planning/teams.service.ts';
import { getPosture } from '../../src/modules/posture/posture.service.ts';
import { createRisk, listRisks } from '../../src/modules/risks/risks.service.ts';
import { createVersion, listVersions } from '../../src/modules/soa/soa.service.ts';
import { savePage, showPage } from '../../src/modules/trust/trust-page.service.ts';
import type { Role } from '../../src/vocabulary/index.ts';
import { hasKind, kinds } from '../support/harness.ts';
import {
  expectRefused,
  makeContext,
  makeOrganisation,
  startUseCaseDb,
  type TestOrganisation,
  type UseCaseDb,
} from '../support/use-cases.ts';

// A use-case called without the right role fails even without HTTP (issue #15), for the ISMS baseline,
// the certification cycle, the planner, posture and the trust page: one focused check per module, the use-
// case called directly with a context the policy table does not grant; nothing is written by a refusal.
const page = { page: 1, pageSize: 20 };

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(
    `ISMS, cycle, planner and trust use-cases refuse denied roles, on ${kind}`,
    () => {
      let u: UseCaseDb;
      let org: TestOrganisation;
      beforeAll(async () => {
        u = await startUseCaseDb(kind);
        org = await makeOrganisation(u, 'isms');
      });
      afterAll(async () => u?.close());

      const as = (role: Role): OrgContext => makeContext(u, org, { role });
      const refused = (call: () => Promise<unknown>) => expectRefused(u, org, call);
      const visitor = () => makeContext(u, org, { who: { kind: 'visitor' } });

      it('soa: an action owner may not start a version; the external auditor reads them', async () => {
        await refused(() => createVersion({ changeNote: 'first' }, as('action_owner')));
        expect(await listVersions({}, as('external_auditor'))).toEqual([]);
      });

      it('risks: an internal auditor may not add a risk; a visitor reads none', async () => {
        await refused(() => createRisk({ ref: 'R-1', title: 'x' } as never, as('internal_auditor')));
        await refused(() => listRisks(page, visitor()));
        expect((await listRisks(page, as('external_auditor'))).total).toBe(0);
      });

      it('documents: a viewer may not register a document', async () => {
        await refused(() => createDocument({ ref: 'POL-1', title: 'x' } as never, as('viewer')));
        expect((await listDocuments(page, as('viewer'))).total).toBe(0);
      });

      it('crosswalks: only an administrator corrects a mapping', async () => {
        await refused(() => saveOverride({ framework: 'soc2' } as never, as('isms_manager')));
        expect(await listOverrides({ framework: 'soc2' }, as('viewer'))).toBeDefined();
      });

      it('certificates: an action owner may not file a certificate; a calendar feed reads them', async () => {
        await refused(() => addCertificate({ number: 'C-1' } as never, as('action_owner')));
        const feed = makeContext(u, org, { who: { kind: 'feed', userId: null } });
        expect((await listCertificates(page, feed)).total).toBe(0);
      });

      it('internal-audits: an internal auditor may not plan the programme; the external auditor sees none of it', async () => {
        await refused(() => planInternalAudit({ ref: 'IA-1' } as never, as('internal_auditor')));
        await refused(() => pendingVerifications({}, as('external_auditor')));
      });

      it('management-review: an action owner may not hold a review; a viewer reads them', async () => {
        await refused(() => createReview({ ref: 'MR-1' } as never, as('action_owner')));
        expect((await listReviews(page, as('viewer'))).total).toBe(0);
      });

      it('planning: an action owner may not form teams; the external auditor does not see the plan', async () => {
        await refused(() => createTeam({ name: 'Ops', memberIds: [] }, as('action_owner')));
        await refused(() => getPlan({}, as('external_auditor')));
        expect(await getPlan({}, as('viewer'))).toBeDefined();
      });

      it('conversations: a viewer may not comment on a task', async () => {
        await refused(() => commentOnTask({ taskId: 't-1', body: 'hello' } as never, as('viewer')));
      });

      it('posture: the external auditor does not read the posture; the CLI does', async () => {
        await refused(() => getPosture({}, as('external_auditor')));
        expect(await getPosture({}, makeContext(u, org, { who: { kind: 'cli' } }))).toBeDefined();
      });

      it('trust: an internal auditor reads the page settings but may not change them; a visitor reads neither', async () => {
        const settings = await showPage({}, as('internal_auditor'));
        await refused(() => savePage(settings as never, as('internal_auditor')));
        await refused(() => showPage({}, visitor()));
      });
    },
  );
}
