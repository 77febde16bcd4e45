import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { createAccount } from '../src/modules/accounts/accounts.service.ts';
import { createAudit } from '../src/modules/audits/audits.service.ts';
import { makeContext } from '../src/modules/context.ts';
import { derivedRows } from '../src/modules/findings/escalation.repository.ts';
import { listFindings } from '../src/modules/findings/findings.service.ts';
import { createOrganisation } from '../src/modules/organisations/organisations.service.ts';
import { recordSnapshot } from '../src/modules/posture/posture.history.ts';
import { createRuntime } from '../src/runtime.ts';
import type { FindingStatus, Grade } from '../src/vocabulary/index.ts';

const grades: Grade[] = ['major', 'minor', 'minor', 'minor', 'ofi'];
const statuses: FindingStatus[] = ['open', 'analysing', 'plan_submitted', 'implementing', 'closed'];

/** Seeds an audit with `n` findings, then times the corrective action log the way the web app pages it. */
export async function runFindingsList(n: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-bench-'));
  const rt = await createRuntime(loadConfig({ LOG_LEVEL: 'silent' }, { dataDir }), {
    migrate: true,
    logger: pino({ level: 'silent' }),
  });
  try {
    const user = await createAccount(rt.auth, {
      name: 'Bench',
      email: 'bench@example.com',
      password: 'bench password 2026',
    });
    const org = await createOrganisation(
      { slug: 'bench', name: 'Bench', adminUserId: user.id, adminEmail: user.email },
      { database: rt.database, env: rt.env },
    );
    const who = {
      kind: 'member',
      userId: user.id,
      email: user.email,
      via: 'session',
      role: 'admin',
    } as const;
    const ctx = makeContext(who, org, { ...rt.database, env: rt.env });
    await createAudit(
      {
        ref: 'B1',
        type: 'stage2',
        certificationBody: 'CB',
        leadAuditor: null,
        startsOn: null,
        endsOn: null,
        scope: '',
        reportReceivedOn: '2026-01-05',
        recommendation: null,
        policyKey: 'fast-14-30-60',
      },
      ctx,
    );
    const audit = await rt.database.db.selectFrom('audit').select('id').executeTakeFirstOrThrow();
    const seedStart = performance.now();
    const at = new Date().toISOString();
    await rt.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) {
        const id = randomUUID();
        const requirement = `A.${5 + (i % 4)}.${1 + (i % 20)}`;
        const row = {
          id,
          organisation_id: org.id,
          audit_id: audit.id,
          ref: `NC-${String(i).padStart(5, '0')}`,
          grade: grades[i % grades.length]!,
          requirements_json: JSON.stringify([requirement]),
          statement: `Finding ${i}`,
          objective_evidence: '',
          area: `Area ${i % 30}`,
          owner_user_id: null,
          status: statuses[i % statuses.length]!,
          ofi_reason: null,
          cap_due_on: '2026-01-19',
          evidence_due_on: '2026-02-04',
          close_by_on: '2026-03-06',
          created_at: at,
          updated_at: at,
          closed_at: null,
        };
        await trx.insertInto('finding').values(row).execute();
        await trx
          .insertInto('corrective_action_record')
          .values({ finding_id: id, organisation_id: org.id, updated_at: at })
          .execute();
        // The rows escalation warnings are read from (migrations 0020, 0029, 0030), as insertFindings writes.
        const derived = derivedRows(row, audit.id);
        await trx.insertInto('finding_requirement').values(derived.requirements).execute();
        await trx.insertInto('finding_area').values(derived.area).execute();
      }
    });
    const seedMs = performance.now() - seedStart;
    const time = async (q: Parameters<typeof listFindings>[0]) => {
      await listFindings(q, ctx); // warm-up: statement caches, JIT
      const runs = 5;
      const t0 = performance.now();
      let total = 0;
      for (let r = 0; r < runs; r++) total = (await listFindings(q, ctx)).total;
      return { ms: (performance.now() - t0) / runs, total };
    };
    const page = await time({ page: 3, pageSize: 100, sort: 'closeByOn', direction: 'desc' });
    const filtered = await time({ page: 1, pageSize: 100, grade: 'minor', sort: 'ref', direction: 'asc' });
    // One requirement of the 20 seeded (1 finding in 20): through finding_requirement's key since #16.
    const byRequirement = await time({
      page: 1,
      pageSize: 100,
      requirement: 'A.6.2',
      sort: 'ref',
      direction: 'asc',
    });
    // What the posture-refresh job spends per organisation it refreshes (off the request path since #16).
    // The figures are recorded by the system (the posture-refresh job), not by a member.
    const system = makeContext({ kind: 'system' }, org, { ...rt.database, env: rt.env });
    await recordSnapshot(system, 'daily');
    const s0 = performance.now();
    for (let r = 0; r < 5; r++) await recordSnapshot(system, 'change');
    const snapshotMs = (performance.now() - s0) / 5;
    return {
      total: page.total,
      pageMs: page.ms,
      filteredMs: filtered.ms,
      requirementMs: byRequirement.ms,
      requirementTotal: byRequirement.total,
      seedMs,
      snapshotMs,
    };
  } finally {
    await rt.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
