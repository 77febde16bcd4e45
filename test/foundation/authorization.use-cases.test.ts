import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, listApiTokens } from '../../src/modules/api-tokens/api-tokens.service.ts';
import { verifyOrganisationTrail } from '../../src/modules/audit-log/audit-log.service.ts';
import { createFeed, listFeeds } from '../../src/modules/calendar-feeds/calendar-feeds.service.ts';
import type { OrgContext } from '../../src/modules/context.ts';
import { inviteMember, listInvitations } from '../../src/modules/invitations/invitations.service.ts';
import { readOutbox } from '../../src/modules/mail/mail.routes.ts';
import { changeRole, listMembers } from '../../src/modules/members/members.service.ts';
import { getSettings, updateSettings } from '../../src/modules/organisations/organisations.service.ts';
import type { Role } from '../../src/vocabulary/index.ts';
import { hasKind, kinds } from '../support/harness.ts';
import {
  addPerson,
  expectRefused,
  makeContext,
  makeOrganisation,
  startUseCaseDb,
  type TestOrganisation,
  type UseCaseDb,
} from '../support/use-cases.ts';

// A use-case called without the right role fails even without HTTP (issue #15): each foundation module's
// use-case is called directly with a context the policy table does not grant, and answers `forbidden`
// with nothing written; the same call with a role the table grants goes through. The gate is not involved.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(
    `foundation use-cases refuse roles the policy table denies, on ${kind}`,
    () => {
      let u: UseCaseDb;
      let org: TestOrganisation;
      const page = { page: 1, pageSize: 20 };
      beforeAll(async () => {
        u = await startUseCaseDb(kind);
        org = await makeOrganisation(u, 'authz');
        await addPerson(u, org, 'kim@authz.test', 'action_owner');
      });
      afterAll(async () => u?.close());

      const as = (role: Role): OrgContext => makeContext(u, org, { role });

      const refused = (call: () => Promise<unknown>) => expectRefused(u, org, call);

      it('members: only an administrator changes a role; the external auditor does not read members', async () => {
        const { items } = await listMembers(page, as('viewer'));
        const kim = items.find((m) => m.email === 'kim@authz.test')!;
        await refused(() => changeRole({ memberId: kim.id, role: 'viewer' }, as('isms_manager')));
        await refused(() =>
          changeRole({ memberId: kim.id, role: 'viewer' }, makeContext(u, org, { who: { kind: 'cli' } })),
        );
        await refused(() => listMembers(page, as('external_auditor')));
        expect((await changeRole({ memberId: kim.id, role: 'action_owner' }, as('admin'))).role).toBe(
          'action_owner',
        );
      });

      it('invitations: an action owner may not invite; an ISMS manager may', async () => {
        const input = { email: 'new@authz.test', role: 'viewer' as const, expiresInDays: 7 };
        await refused(() => inviteMember(input, as('action_owner')));
        await refused(() => listInvitations(page, as('viewer')));
        await inviteMember(input, as('isms_manager'));
        expect((await listInvitations(page, as('isms_manager'))).total).toBe(1);
      });

      it('api-tokens: a guest does not automate', async () => {
        await refused(() => createApiToken({ name: 'ci', expiresInDays: 30 }, as('external_auditor')));
        await createApiToken({ name: 'ci', expiresInDays: 30 }, as('viewer'));
        expect((await listApiTokens(page, as('viewer'))).total).toBe(1);
      });

      it('organisations: only an administrator changes the settings', async () => {
        const settings = await getSettings({}, as('external_auditor'));
        await refused(() => updateSettings(settings as never, as('isms_manager')));
      });

      it('audit-log: an action owner may not verify the trail; the CLI may', async () => {
        await refused(() => verifyOrganisationTrail({}, as('action_owner')));
        const cli = makeContext(u, org, { who: { kind: 'cli' } });
        expect(await verifyOrganisationTrail({}, cli)).toMatchObject({ ok: true });
      });

      it('calendar-feeds: a trust page visitor has no feeds; a member has their own', async () => {
        const visitor = makeContext(u, org, { who: { kind: 'visitor' } });
        await refused(() => createFeed({ scope: 'mine' }, visitor));
        await refused(() => listFeeds({}, visitor));
        await createFeed({ scope: 'mine' }, as('viewer'));
        expect((await listFeeds({}, as('viewer'))).items).toHaveLength(1);
      });

      // ISMS managers invite, so they read the outbox to pass a link on (issue #19); other roles do not.
      it('mail: only an administrator or an ISMS manager reads the outbox', async () => {
        for (const role of ['action_owner', 'internal_auditor', 'viewer'] as const)
          await refused(() => readOutbox(page, as(role)));
        expect((await readOutbox(page, as('isms_manager'))).total).toBeGreaterThan(0);
        expect((await readOutbox(page, as('admin'))).total).toBeGreaterThan(0);
      });
    },
  );
}
