import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAuditsRows, seedFindingsRows } from '../../bench/http/seed.ts';
import { runJobNow } from '../../src/modules/jobs/index.ts';
import { type Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

// Issue #16: an organisation with 10,000 findings over 50 audits (both engines), and one with 100,000
// findings in a single audit (SQLite), are browsable: each read answers one page, warnings name a few
// findings and a count, the posture refresh records its point, and the heap does not grow with the
// organisation. Bounded by count (the seeded rows) and by each test's time limit; no timing assertion.

const MiB = 1024 * 1024;

async function seeded(kind: 'sqlite' | 'postgres', audits: number, findings: number) {
  const t = await startTestApp(kind);
  const admin = await setupAdmin(t, 'acme', 'admin@acme.test');
  const org = await t.rt.database.db
    .selectFrom('organisation')
    .select('id')
    .where('slug', '=', 'acme')
    .executeTakeFirstOrThrow();
  await seedFindingsRows(t.rt, org.id, await seedAuditsRows(t.rt, org.id, audits), findings);
  return { t, admin };
}

/** The reads of a user browsing: a page of findings, one finding, the audits, the dashboard, the plan. */
async function browse(admin: Client, pageSize: number) {
  const list = await admin.get(`/api/v1/orgs/acme/findings?pageSize=${pageSize}`);
  expect(list.statusCode, list.body.slice(0, 300)).toBe(200);
  const items = list.json().items as { id: string; escalation: { message: string; related: string[] }[] }[];
  const detail = await admin.get(`/api/v1/orgs/acme/findings/${items[0]!.id}`);
  expect(detail.statusCode, detail.body.slice(0, 300)).toBe(200);
  const overdue = await admin.get(`/api/v1/orgs/acme/findings?pageSize=${pageSize}&overdue=true`);
  expect(overdue.statusCode).toBe(200);
  const audits = await admin.get('/api/v1/orgs/acme/audits');
  expect(audits.statusCode, audits.body.slice(0, 300)).toBe(200);
  const dashboard = await admin.get('/api/v1/orgs/acme/posture/dashboard');
  expect(dashboard.statusCode).toBe(200);
  expect((await admin.get('/api/v1/orgs/acme/plan')).statusCode).toBe(200);
  return {
    list: list.json(),
    items,
    overdue: overdue.json(),
    audits: audits.json(),
    dashboard: { bytes: dashboard.rawPayload.byteLength, ...dashboard.json() },
  };
}

/** No warning or reason text grows with a group: a few refs and "and N more". */
function expectShortTexts(texts: string[]) {
  for (const text of texts) expect(text.length, text.slice(0, 200)).toBeLessThan(400);
}

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`10,000 findings over 50 audits on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    beforeAll(async () => {
      ({ t, admin } = await seeded(kind, 50, 10_000));
    }, 240_000);
    afterAll(async () => t?.close());

    it('serves a page of 100 findings, a finding, the audits, the dashboard and the plan', async () => {
      const { list, items, overdue, audits } = await browse(admin, 100);
      expect(items).toHaveLength(100);
      expect(list.total).toBe(10_000);
      // The seed's deadlines are in the past: every unfinished nonconformity is overdue, counted in SQL.
      expect(overdue.total).toBeGreaterThan(1000);
      expect(overdue.total).toBeLessThan(10_000);
      expect(overdue.items).toHaveLength(100);
      expect(audits.total).toBe(50);
      const flags = items.flatMap((f) => f.escalation);
      expect(flags.some((f) => /and \d+ more/.test(f.message))).toBe(true);
      expectShortTexts(flags.map((f) => f.message));
      expectShortTexts(
        (
          audits.items as {
            impliedRecommendation: { reasons: string[] } | null;
            risks: { message: string }[];
          }[]
        ).flatMap((a) => [...(a.impliedRecommendation?.reasons ?? []), ...a.risks.map((r) => r.message)]),
      );
    }, 120_000);

    it('a comment marks the organisation; the posture-refresh job records the point', async () => {
      const { items } = await browse(admin, 25);
      const res = await admin.post(`/api/v1/orgs/acme/findings/${items[0]!.id}/comments`, {
        body: 'Evidence reviewed.',
      });
      expect(res.statusCode, res.body).toBe(201);
      const deps = { db: t.rt.database.db, kind: t.rt.database.kind, env: t.rt.env, log: t.rt.log };
      const result = await runJobNow('posture-refresh', { ...deps, now: () => new Date() });
      expect(result).toMatchObject({ refreshed: 1 });
    }, 120_000);
  });
}

describe('100,000 findings in one audit on sqlite', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    ({ t, admin } = await seeded('sqlite', 1, 100_000));
    // A certification body audit, so its implied recommendation and certification risks are computed.
    await t.rt.database.db.updateTable('audit').set({ type: 'stage2' }).execute();
  }, 300_000);
  afterAll(async () => t?.close());

  it('browses a page at a time without the heap growing with the organisation', async () => {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    for (let round = 0; round < 2; round++) {
      const { list, items, audits, dashboard } = await browse(admin, 25);
      expect(items).toHaveLength(25);
      expect(list.total).toBe(100_000);
      // The dashboard lists the 50 most late and counts the rest: it answered all 80,000 overdue
      // findings before, 8.7 MB a request (#16).
      expect(dashboard.overdue).toHaveLength(50);
      expect(dashboard.overdueTotal).toBe(80_000);
      expect(dashboard.bytes).toBeLessThan(64 * 1024);
      expect(audits.items[0].counts.major).toBe(20_000);
      expectShortTexts(items.flatMap((f) => f.escalation.map((x) => x.message)));
      expectShortTexts(audits.items[0].impliedRecommendation.reasons);
      expect(audits.items[0].risks).toHaveLength(1);
      expectShortTexts(audits.items[0].risks.map((r: { message: string }) => r.message));
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    // The whole-organisation warnings of before grew the heap by gigabytes on this shape (#16).
    expect((peak - before) / MiB).toBeLessThan(400);
  }, 300_000);

  it('records the posture point of the 100,000 findings (no SQL variable limit)', async () => {
    // One finding to comment on (the test above browsed everything already).
    const [first] = (await admin.get('/api/v1/orgs/acme/findings?pageSize=1')).json().items;
    expect(
      (await admin.post(`/api/v1/orgs/acme/findings/${first.id}/comments`, { body: 'Seen.' })).statusCode,
    ).toBe(201);
    const deps = { db: t.rt.database.db, kind: t.rt.database.kind, env: t.rt.env, log: t.rt.log };
    expect(await runJobNow('posture-refresh', { ...deps, now: () => new Date() })).toMatchObject({
      refreshed: 1,
      recorded: 1,
    });
  }, 300_000);
});
