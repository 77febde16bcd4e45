import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRole, listMembers, removeMember } from '../../src/modules/members/members.service.ts';
import { hasKind, kinds } from '../support/harness.ts';
import {
  addPerson,
  makeContext,
  makeOrganisation,
  startUseCaseDb,
  type TestOrganisation,
  type UseCaseDb,
} from '../support/use-cases.ts';

// The member use-cases against a real migrated database, without HTTP (members-invitations.test.ts keeps
// the edge: validation as problem+json, the happy path through the API). Each test has its organisation.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`member use-cases on ${kind}`, () => {
    let u: UseCaseDb;
    let n = 0;
    beforeAll(async () => {
      u = await startUseCaseDb(kind);
    });
    afterAll(async () => u?.close());

    async function organisation(): Promise<{ org: TestOrganisation; adminId: string; kimId: string }> {
      const org = await makeOrganisation(u, `org-${++n}`);
      await addPerson(u, org, `kim@org-${n}.test`, 'action_owner');
      const { items } = await listMembers({ page: 1, pageSize: 50 }, makeContext(u, org, { role: 'admin' }));
      const id = (email: string) => items.find((m) => m.email === email)!.id;
      return { org, adminId: id(org.admin.email), kimId: id(`kim@org-${n}.test`) };
    }

    it('never lets the last administrator be demoted or removed', async () => {
      const { org, adminId } = await organisation();
      const ctx = makeContext(u, org, { role: 'admin' });
      await expect(changeRole({ memberId: adminId, role: 'viewer' }, ctx)).rejects.toMatchObject({
        code: 'invalid_state',
      });
      await expect(removeMember({ memberId: adminId }, ctx)).rejects.toMatchObject({ code: 'invalid_state' });
      expect((await listMembers({ page: 1, pageSize: 50 }, ctx)).items.map((m) => m.role).sort()).toEqual([
        'action_owner',
        'admin',
      ]);
    });

    it('changes a role and removes a member, each with its audit entry', async () => {
      const { org, kimId } = await organisation();
      const ctx = makeContext(u, org, { role: 'admin' });
      expect((await changeRole({ memberId: kimId, role: 'internal_auditor' }, ctx)).role).toBe(
        'internal_auditor',
      );
      await removeMember({ memberId: kimId }, ctx);
      expect((await listMembers({ page: 1, pageSize: 50 }, ctx)).total).toBe(1);
      const trail = await u.rt.database.db
        .selectFrom('audit_entry')
        .select(['action', 'data_json'])
        .where('organisation_id', '=', org.id)
        .orderBy('seq')
        .execute();
      expect(trail.map((e) => e.action)).toEqual([
        'organisation.create',
        'member.add',
        'member.update',
        'member.remove',
      ]);
      expect(JSON.parse(trail[2]!.data_json)).toMatchObject({ from: 'action_owner', to: 'internal_auditor' });
    });

    it("answers not found for another organisation's member", async () => {
      const { kimId } = await organisation();
      const { org: other } = await organisation();
      const ctx = makeContext(u, other, { role: 'admin' });
      await expect(changeRole({ memberId: kimId, role: 'viewer' }, ctx)).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(removeMember({ memberId: kimId }, ctx)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
