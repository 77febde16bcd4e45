import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { DEFAULT_POLICY_KEY } from '../../src/domain/deadlines/policy.ts';
import { createAccount } from '../../src/modules/accounts/accounts.service.ts';
import { derivedRows } from '../../src/modules/findings/escalation.repository.ts';
import { createOrganisation } from '../../src/modules/organisations/organisations.service.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';

// Seeds the databases the HTTP bench serves (issue #16): the demo, one organisation with many findings
// over many audits, and many small organisations. People and organisations go through the use-cases
// (password hashing, audit chain); the bulk rows are inserted in multi-row statements, the way a
// long-lived organisation's history would have accumulated.

export const BENCH_EMAIL = 'bench@example.com';
export const BENCH_PASSWORD = 'bench password 2026';
const grades = ['major', 'minor', 'minor', 'minor', 'ofi'];
const statuses = ['open', 'analysing', 'plan_submitted', 'implementing', 'closed'];

async function open(dataDir: string, databaseUrl?: string): Promise<Runtime> {
  const env: Record<string, string> = { LOG_LEVEL: 'silent' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return createRuntime(loadConfig(env, { dataDir }), { migrate: true, logger: pino({ level: 'silent' }) });
}

/**
 * The rows above go in by bulk insert in seconds; a real database gets there over months, and PostgreSQL's
 * autovacuum has analysed the tables long before. Measured without it, the planner's empty-table estimates
 * cut the 10,000-finding list from 70 to 5 req/s: the bench measures the server, not stale statistics.
 */
async function analyse(rt: Runtime) {
  if (rt.database.kind === 'postgres') await sql`analyze`.execute(rt.database.db);
}

export async function seedDemo(dataDir: string, databaseUrl?: string) {
  const rt = await open(dataDir, databaseUrl);
  try {
    const demo = await loadDemo(rt);
    return { slug: demo.slug, email: demo.people[0]!.email, password: demo.password };
  } finally {
    await rt.close();
  }
}

async function insertChunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Inserts `findings` findings spread over the organisation's `auditIds`, with their 10.2 records. */
export async function seedFindingsRows(
  rt: Runtime,
  organisationId: string,
  auditIds: string[],
  findings: number,
) {
  const db = rt.database.db;
  const at = new Date().toISOString();
  const perAudit = Math.ceil(findings / auditIds.length);
  const cycleRows = await db
    .selectFrom('audit')
    .select(['id', 'cycle'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const cycles = new Map(cycleRows.map((r) => [r.id, r.cycle || r.id]));
  await db.transaction().execute(async (trx) => {
    type Rows = Record<string, unknown>[];
    let batch: { finding: Rows; record: Rows; requirement: Rows; area: Rows } = {
      finding: [],
      record: [],
      requirement: [],
      area: [],
    };
    const flush = async () => {
      // 17 columns a finding: 50 rows stay well under SQLite's and PostgreSQL's parameter limits.
      await insertChunked(batch.finding, 50, (c) =>
        trx
          .insertInto('finding')
          .values(c as never)
          .execute(),
      );
      await insertChunked(batch.record, 200, (c) =>
        trx
          .insertInto('corrective_action_record')
          .values(c as never)
          .execute(),
      );
      // The rows escalation warnings are read from (migrations 0020, 0029, 0030), as insertFindings writes.
      await insertChunked(batch.requirement, 300, (c) =>
        trx
          .insertInto('finding_requirement')
          .values(c as never)
          .execute(),
      );
      await insertChunked(batch.area, 300, (c) =>
        trx
          .insertInto('finding_area')
          .values(c as never)
          .execute(),
      );
      batch = { finding: [], record: [], requirement: [], area: [] };
    };
    for (let i = 0; i < findings; i++) {
      const id = randomUUID();
      const a = Math.floor(i / perAudit);
      const requirement = `A.${5 + (i % 4)}.${1 + (i % 20)}`;
      batch.finding.push({
        id,
        organisation_id: organisationId,
        audit_id: auditIds[a]!,
        ref: `NC-${String(a).padStart(3, '0')}-${String(i % perAudit).padStart(4, '0')}`,
        grade: grades[i % grades.length]!,
        requirements_json: JSON.stringify([requirement]),
        statement: `Finding ${i}: the control is not operated as documented in area ${i % 30}.`,
        objective_evidence: `Sample ${i} of the records reviewed.`,
        area: `Area ${i % 30}`,
        owner_user_id: null,
        status: statuses[i % statuses.length]!,
        ofi_reason: null,
        cap_due_on: '2026-01-19',
        evidence_due_on: '2026-02-04',
        close_by_on: '2026-03-06',
        created_at: at,
        updated_at: at,
        closed_at: i % statuses.length === statuses.length - 1 ? at : null,
      });
      batch.record.push({ finding_id: id, organisation_id: organisationId, updated_at: at });
      // What the findings repository writes beside each finding (migrations 0020, 0029, 0030).
      const derived = derivedRows(batch.finding.at(-1) as never, cycles.get(auditIds[a]!)!);
      batch.requirement.push(...derived.requirements);
      batch.area.push(derived.area);
      if (batch.finding.length >= 5000) await flush();
    }
    await flush();
  });
}

export async function seedAuditsRows(rt: Runtime, organisationId: string, count: number): Promise<string[]> {
  const at = new Date().toISOString();
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    organisation_id: organisationId,
    ref: `AUD-${String(i).padStart(3, '0')}`,
    type: i % 3 === 0 ? 'internal' : 'stage2',
    certification_body: 'Bench Certification Ltd',
    lead_auditor: 'A. Auditor',
    starts_on: '2026-01-05',
    ends_on: '2026-01-07',
    scope: 'All services',
    report_received_on: '2026-01-09',
    recommendation: null,
    policy_key: DEFAULT_POLICY_KEY,
    cycle: 'initial',
    created_at: at,
    updated_at: at,
  }));
  await insertChunked(rows, 50, (c) =>
    rt.database.db
      .insertInto('audit')
      .values(c as never)
      .execute(),
  );
  return rows.map((r) => r.id);
}

/** One organisation (slug `big`) with `findings` findings over `audits` audits. */
export async function seedLarge(
  dataDir: string,
  opts: { audits: number; findings: number },
  databaseUrl?: string,
) {
  const rt = await open(dataDir, databaseUrl);
  try {
    const user = await createAccount(rt.auth, {
      name: 'Bench',
      email: BENCH_EMAIL,
      password: BENCH_PASSWORD,
    });
    const org = await createOrganisation(
      { slug: 'big', name: 'Big Org', adminUserId: user.id, adminEmail: user.email },
      { database: rt.database, env: rt.env },
    );
    const audits = await seedAuditsRows(rt, org.id, opts.audits);
    await seedFindingsRows(rt, org.id, audits, opts.findings);
    await analyse(rt);
    return { slugs: ['big'], email: BENCH_EMAIL, password: BENCH_PASSWORD };
  } finally {
    await rt.close();
  }
}

/** `orgs` organisations (slugs `org-0001`…) of `findings` findings each, one admin member of all. */
export async function seedMany(
  dataDir: string,
  opts: { orgs: number; findings: number },
  databaseUrl?: string,
) {
  const rt = await open(dataDir, databaseUrl);
  try {
    const user = await createAccount(rt.auth, {
      name: 'Bench',
      email: BENCH_EMAIL,
      password: BENCH_PASSWORD,
    });
    const slugs: string[] = [];
    for (let o = 0; o < opts.orgs; o++) {
      const slug = `org-${String(o).padStart(4, '0')}`;
      const org = await createOrganisation(
        { slug, name: `Organisation ${o}`, adminUserId: user.id, adminEmail: user.email },
        { database: rt.database, env: rt.env },
      );
      const audits = await seedAuditsRows(rt, org.id, 2);
      await seedFindingsRows(rt, org.id, audits, opts.findings);
      slugs.push(slug);
    }
    await analyse(rt);
    return { slugs, email: BENCH_EMAIL, password: BENCH_PASSWORD };
  } finally {
    await rt.close();
  }
}
