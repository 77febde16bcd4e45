import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, hasKind, kinds, startTestApp, type TestApp } from '../support/harness.ts';
import { acmeWithFinding, stage2 } from './fixture.ts';

// Cross-row invariants under parallel requests (issue #18): on PostgreSQL every change of an organisation
// takes the audit head's row lock first; SQLite has one writer. Both must hold the same lines.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`invariants under concurrency on ${kind}`, () => {
    let t: TestApp;
    let isa: Client;
    let bea: Client;
    beforeAll(async () => {
      t = await startTestApp(kind);
      isa = (await acmeWithFinding(t)).admin;
      bea = await addMember(t, isa, 'acme', 'bea@acme.test', 'admin');
    });
    afterAll(async () => t?.close());

    const memberId = async (email: string) =>
      (await isa.get('/api/v1/orgs/acme/members'))
        .json()
        .items.find((m: { email: string }) => m.email === email).id as string;
    const admins = async () =>
      (await t.rt.database.db.selectFrom('membership').select('role').where('role', '=', 'admin').execute())
        .length;

    it('two admins demoting each other at once leave one admin', async () => {
      const isaId = await memberId('isa@acme.test');
      const beaId = await memberId('bea@acme.test');
      for (let round = 0; round < 4; round++) {
        const [a, b] = await Promise.all([
          isa.patch(`/api/v1/orgs/acme/members/${beaId}`, { role: 'isms_manager' }),
          bea.patch(`/api/v1/orgs/acme/members/${isaId}`, { role: 'isms_manager' }),
        ]);
        // the loser is refused: 409 (last admin) or 403 (no longer an admin when its request arrived)
        const codes = [a.statusCode, b.statusCode].sort();
        expect(codes[0]).toBe(200);
        expect([403, 409]).toContain(codes[1]);
        expect(await admins()).toBe(1);
        // put the demoted one back for the next round
        const winner = a.statusCode === 200 ? isa : bea;
        const loserId = a.statusCode === 200 ? beaId : isaId;
        expect(
          (await winner.patch(`/api/v1/orgs/acme/members/${loserId}`, { role: 'admin' })).statusCode,
        ).toBe(200);
      }
    });

    it('two creations of one reference at once: one 201, one 409', async () => {
      for (let round = 0; round < 3; round++) {
        const ref = `S1-${round}`;
        const res = await Promise.all([
          isa.post('/api/v1/orgs/acme/audits', { ...stage2, ref }),
          bea.post('/api/v1/orgs/acme/audits', { ...stage2, ref }),
        ]);
        expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409]);
        for (const r of res) expect(r.headers['content-type']).toMatch(/json/);
      }
    });

    it('two drafts of the SoA started at once: one draft', async () => {
      const res = await Promise.all(
        [isa, bea].map((c) => c.post('/api/v1/orgs/acme/soa/versions', { changeNote: 'first version' })),
      );
      expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const versions = (await isa.get('/api/v1/orgs/acme/soa/versions')).json();
      expect(versions.filter((v: { status: string }) => v.status === 'draft')).toHaveLength(1);
    });

    it('the audit trail still verifies', async () => {
      expect((await isa.get('/api/v1/orgs/acme/audit-log/verify')).json().ok).toBe(true);
    });
  });
}
