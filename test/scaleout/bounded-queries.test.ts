import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeQueries } from '../../src/db/connection.ts';
import { escalationFlags, MAX_RELATED } from '../../src/domain/findings/escalation.ts';
import { Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

// Issue #16: a read is bounded by what it returns. The findings list, a finding, the audits list and the
// dashboard issue the same number of SQL statements in a small organisation and in a larger one (more
// audits, findings sharing requirements and processes, verified findings repeated, corrective actions).

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function seed(t: TestApp, admin: Client, audits: number, perAudit: number) {
  const requirements = ['A.8.8', 'A.5.15', '9.2', 'A.8.2'];
  const ids: string[] = [];
  const ncs: string[] = [];
  for (let a = 0; a < audits; a++) {
    const ref = `AUD-${a}`;
    const audit = await admin.post('/api/v1/orgs/acme/audits', {
      ref,
      type: a === 0 ? 'stage2' : 'surveillance',
      certificationBody: 'CB',
      reportReceivedOn: day(-40 + a),
      policyKey: 'fast-14-30-60',
      endsOn: day(-41 + a),
    });
    expect(audit.statusCode, audit.body).toBe(201);
    for (let i = 0; i < perAudit; i++) {
      const grade = i % 5 === 0 ? 'major' : i % 3 === 0 ? 'ofi' : 'minor';
      const res = await admin.post(`/api/v1/orgs/acme/audits/${ref}/findings`, {
        ref: `NC-${a}-${i}`,
        grade,
        requirements: [requirements[i % requirements.length]!, requirements[(i + a) % requirements.length]!],
        statement: `finding ${i} of audit ${a}`,
        area: i % 2 === 0 ? 'Patch management' : 'Access control',
      });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
      if (grade !== 'ofi') ncs.push(res.json().id);
    }
  }
  // Earlier findings verified, so later ones on the same requirements are repeats; each has an action.
  const db = t.rt.database.db;
  const early = ids.slice(0, Math.ceil(ids.length / 3));
  await db
    .updateTable('finding')
    .set({ status: 'closed', created_at: '2025-01-01T00:00:00.000Z' })
    .where('id', 'in', early)
    .execute();
  // As the findings repository keeps them (migrations 0029, 0030): resolved, when, and no longer open.
  await db
    .updateTable('finding_requirement')
    .set({ resolved: 1, finding_created_at: '2025-01-01T00:00:00.000Z', open_minor: 0 })
    .where('finding_id', 'in', early)
    .execute();
  await db.updateTable('finding_area').set({ open_minor: 0 }).where('finding_id', 'in', early).execute();
  for (const id of ncs.filter((x) => !early.includes(x)).slice(-8))
    expect(
      (await admin.post(`/api/v1/orgs/acme/findings/${id}/actions`, { title: 'Fix it', effortDays: 2 }))
        .statusCode,
    ).toBe(201);
  return ids.at(-1)!;
}

async function statementsOf(admin: Client, url: string) {
  const seen: string[] = [];
  const stop = observeQueries((sql) => seen.push(sql));
  try {
    const res = await admin.get(url);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  } finally {
    stop();
  }
  return seen;
}

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`statements per read, whatever the organisation's size, on ${kind}`, () => {
    const apps: TestApp[] = [];
    const sized: { admin: Client; findingId: string }[] = [];

    beforeAll(async () => {
      for (const [audits, perAudit] of [
        [1, 2],
        [4, 12],
      ] as const) {
        const t = await startTestApp(kind);
        apps.push(t);
        const admin = await setupAdmin(t, 'acme', 'admin@acme.test');
        sized.push({ admin, findingId: await seed(t, admin, audits, perAudit) });
      }
    }, 240_000);
    afterAll(async () => {
      for (const t of apps) await t.close();
    });

    const reads: [string, (findingId: string) => string][] = [
      ['findings list', () => '/api/v1/orgs/acme/findings?pageSize=25'],
      ['findings list, overdue filter', () => '/api/v1/orgs/acme/findings?pageSize=25&overdue=true'],
      ['finding detail', (id) => `/api/v1/orgs/acme/findings/${id}`],
      ['audits list', () => '/api/v1/orgs/acme/audits'],
      ['dashboard', () => '/api/v1/orgs/acme/posture/dashboard'],
    ];
    it('computes for a page the warnings the whole-organisation rule gives, naming a few and a count', async () => {
      const t = apps[1]!;
      const rows = await t.rt.database.db
        .selectFrom('finding')
        .innerJoin('audit', 'audit.id', 'finding.audit_id')
        .select(['finding.id', 'finding.ref', 'finding.grade', 'finding.status', 'finding.requirements_json'])
        .select(['finding.area', 'finding.created_at', 'audit.cycle', 'audit.id as audit_id'])
        .execute();
      const expected = escalationFlags(
        rows.map((f) => ({
          ...f,
          requirements: JSON.parse(f.requirements_json) as string[],
          cycle: f.cycle || f.audit_id,
          createdAt: f.created_at,
        })),
        { systemicMinorThreshold: 2 },
      );
      const sortFlags = (xs: { message: string }[]) =>
        [...xs].sort((a, b) => a.message.localeCompare(b.message));
      let named = 0;
      for (const page of [1, 2]) {
        const res = await sized[1]!.admin.get(`/api/v1/orgs/acme/findings?pageSize=25&page=${page}`);
        for (const f of res.json().items as {
          id: string;
          escalation: { message: string; related: string[] }[];
        }[]) {
          expect(sortFlags(f.escalation), f.id).toEqual(sortFlags(expected.get(f.id) ?? []));
          for (const flag of f.escalation) {
            expect(flag.related.length).toBeLessThanOrEqual(MAX_RELATED);
            if (/and \d+ more/.test(flag.message)) named++;
          }
        }
      }
      expect(named).toBeGreaterThan(0);
    }, 60_000);

    it("an API token's calls write its last use once a minute, not on every request", async () => {
      const t = apps[0]!;
      const created = await sized[0]!.admin.post('/api/v1/orgs/acme/api-tokens', { name: 'ci' });
      expect(created.statusCode, created.body).toBe(201);
      const bot = new Client(t.app, created.json().token as string);
      const writes = async () =>
        (await statementsOf(bot, '/api/v1/orgs/acme/audits')).filter((q) => /^update "api_token"/i.test(q));
      expect(await writes()).toHaveLength(1);
      expect(await writes()).toHaveLength(0);
      expect(await writes()).toHaveLength(0);
    }, 60_000);

    it('the requirement filter looks the requirement up in its index, not in the stored JSON', async () => {
      // #16: `?requirement=` matched `requirements_json LIKE '%"A.8.8"%'`, a scan of every finding.
      const t = apps[1]!;
      const url = '/api/v1/orgs/acme/findings?pageSize=100&requirement=A.8.8';
      const seen = await statementsOf(sized[1]!.admin, url);
      const list = seen.filter((q) => /from "finding"/i.test(q));
      expect(list.length).toBeGreaterThan(0);
      expect(list.filter((q) => /requirements_json" like/i.test(q))).toEqual([]);
      expect(list.some((q) => /"finding_requirement"/.test(q))).toBe(true);
      const expected = (
        await t.rt.database.db.selectFrom('finding').select(['id', 'requirements_json']).execute()
      )
        .filter((f) => (JSON.parse(f.requirements_json) as string[]).includes('A.8.8'))
        .map((f) => f.id)
        .sort();
      const got = ((await sized[1]!.admin.get(url)).json().items as { id: string }[]).map((f) => f.id).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(got).toEqual(expected);
      // Written as a finding's requirement may be, the filter finds the same findings.
      const lower = await sized[1]!.admin.get(url.replace('A.8.8', 'a.8.8'));
      expect((lower.json().items as { id: string }[]).map((f) => f.id).sort()).toEqual(expected);
    }, 60_000);

    it('a findings-list page: one statement for the session and its person, one for the membership, seven for the page', async () => {
      // #16: better-auth's getSession read the session, then the user (ten statements in all); a lookup
      // repeated or split again fails this count.
      const seen = await statementsOf(sized[1]!.admin, '/api/v1/orgs/acme/findings?pageSize=25');
      const all = seen.join('\n');
      expect(
        seen.filter((q) => /from "session"/.test(q)),
        all,
      ).toHaveLength(1);
      expect(
        seen.filter((q) => /from "user"/.test(q)),
        all,
      ).toEqual([]);
      expect(
        seen.filter((q) => /join "membership"|from "membership"/.test(q)),
        all,
      ).toHaveLength(1);
      expect(seen.length, all).toBe(9);
    }, 60_000);

    for (const [name, url] of reads) {
      it(`${name}: the same statements for 2 findings and for 48`, async () => {
        const [small, large] = [sized[0]!, sized[1]!];
        const a = await statementsOf(small.admin, url(small.findingId));
        const b = await statementsOf(large.admin, url(large.findingId));
        expect(a.length).toBeGreaterThan(0);
        expect(b.length, `${name}:\n${b.join('\n')}`).toBe(a.length);
        // No row is looked up twice in one page read (the gate's session, user, membership and settings
        // included): no statement is issued twice. The dashboard, an organisation-wide aggregate, still
        // reads the actions, tasks, dependencies and documents once for the score and once for the plan.
        if (name !== 'dashboard') {
          const twice = b.filter((q, i) => b.indexOf(q) !== i);
          expect(twice, `${name}: repeated statements\n${twice.join('\n')}`).toEqual([]);
        }
      }, 60_000);
    }

    it('dashboard: computed once per audited change; a read between changes reads only the gate and the change number', async () => {
      // #16: it read every finding, action and task and ran the planner's forecast on every request.
      const { admin } = sized[1]!;
      const url = '/api/v1/orgs/acme/posture/dashboard';
      const minorOpen = (d: { byGrade: { grade: string; open: number }[] }) =>
        d.byGrade.find((g) => g.grade === 'minor')!.open;
      const before = minorOpen((await admin.get(url)).json());
      const again = await statementsOf(admin, url);
      expect(again.filter((q) => /from "(finding|corrective_action|plan_task)"/.test(q))).toEqual([]);
      expect(again.filter((q) => /"audit_head"/.test(q))).toHaveLength(1);
      // An audited change (a new minor finding) shows on the next read.
      const res = await admin.post('/api/v1/orgs/acme/audits/AUD-0/findings', {
        ref: 'NC-DASH-1',
        grade: 'minor',
        requirements: ['A.8.8'],
        statement: 'a finding recorded between two dashboard reads',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(minorOpen((await admin.get(url)).json())).toBe(before + 1);
    }, 60_000);
  });
}
