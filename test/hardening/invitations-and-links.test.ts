import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
        // Earlier releases' CLI and demo recorded invitations with no inviting person (`invited_by` holds no
        // user id); such rows must stay listed and revocable.
        const made = await admin.post('/api/v1/orgs/acme/invitations', {
          email: 'sam@acme.test',
          role: 'action_owner',
          expiresInDays: 7,
        });
        expect(made.statusCode, made.body).toBe(201);
        await t.rt.database.db
          .updateTable('invitation')
          .set({ invited_by: 'system' })
          .where('email', '=', 'sam@acme.test')
          .execute();
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
