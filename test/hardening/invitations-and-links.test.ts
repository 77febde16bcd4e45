import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../src/modules/context.ts';
import { inviteMember } from '../../src/modules/invitations/invitations.service.ts';
import { Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';
import { publishedPage } from '../trust/fixture.ts';

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(
    `invitations without an inviter, capability URLs on ${kind} (issue #18)`,
    () => {
      let t: TestApp;
      let admin: Client;
      beforeAll(async () => {
        t = await startTestApp(kind, { CLOSELOOP_RATE_LIMIT: 'on' });
        admin = await setupAdmin(t, 'acme', 'admin@acme.test');
        await publishedPage(admin, 'acme');
      });
      afterAll(async () => t?.close());

      it('lists (and revokes) an invitation made by the CLI or the demo, which have no inviting person', async () => {
        const org = await t.rt.database.db.selectFrom('organisation').selectAll().executeTakeFirstOrThrow();
        await inviteMember(
          { email: 'sam@acme.test', role: 'action_owner', expiresInDays: 7 },
          makeContext(
            { kind: 'cli' },
            { id: org.id, slug: org.slug, name: org.name },
            { ...t.rt.database, env: t.rt.env },
          ),
        );
        const list = (await admin.get('/api/v1/orgs/acme/invitations')).json();
        const sam = list.items.find((i: { email: string }) => i.email === 'sam@acme.test');
        expect(sam).toMatchObject({ invitedBy: 'system' });
        expect(list.total).toBe(list.items.length);
        expect((await admin.delete(`/api/v1/orgs/acme/invitations/${sam.id}`)).statusCode).toBeLessThan(300);
      });

      it('limits guesses of share and sign-in link pages per client address', async () => {
        const guesser = new Client(t.app);
        const codes: number[] = [];
        for (let i = 0; i < 21; i++)
          codes.push(
            (await guesser.get(`/trust/acme/${i % 2 ? 's' : 'i'}/tsl_guess-${i}-aaaaaaaaaaaaaaaa`))
              .statusCode,
          );
        expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
        expect(codes[20]).toBe(429);
      });
    },
  );
}
