import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { deadlineInForce, deadlineKindInForce, texts } from '../../db/finding-sql.ts';
import type { DeadlineKind } from '../../domain/findings/overdue.ts';
import { MAX_NAMED, planAcceptedStatuses } from '../../domain/findings/recommendation.ts';
import { finishedFindingStatuses } from '../../vocabulary/index.ts';

// The findings figures of a page of audits (the audits list and an audit's page), by two grouped queries
// whatever the number of audits or findings (issue #16): counts, the next deadline in force, and the
// first few open nonconformities of each kind that the implied recommendation and the certification
// risks name. A read-only back-reference to the findings raised in the audits: the findings module owns
// and writes those rows; audits only counts them.

export interface AuditFigures {
  major: number;
  minor: number;
  ofi: number;
  open: number;
  overdue: number;
  nextDeadline: { kind: DeadlineKind; on: string } | null;
  /** The earliest deadline in force among the open majors past it (the suspension risk's anchor). */
  firstLateMajor: string | null;
  named: Record<'major' | 'minor' | 'planless' | 'late', { count: number; refs: string[] }>;
}

const empty = (): AuditFigures => ({
  major: 0,
  minor: 0,
  ofi: 0,
  open: 0,
  overdue: 0,
  nextDeadline: null,
  firstLateMajor: null,
  named: {
    major: { count: 0, refs: [] },
    minor: { count: 0, refs: [] },
    planless: { count: 0, refs: [] },
    late: { count: 0, refs: [] },
  },
});

/** Open findings of a page's audits up to which one window over them all names the first few. */
const WINDOW_ROWS = 2000;

type NamedRow = { audit_id: string; kind: keyof AuditFigures['named']; ref: string; n: number | string };
const openFinding = sql`finding.status not in (${texts(finishedFindingStatuses)})`;

export async function auditFigures(
  db: Db,
  organisationId: string,
  auditIds: readonly string[],
  today: string,
): Promise<Map<string, AuditFigures>> {
  const out = new Map(auditIds.map((id) => [id, empty()]));
  if (auditIds.length === 0) return out;
  const counts = await sql<{
    audit_id: string;
    major: number;
    minor: number;
    ofi: number;
    open: number;
    overdue: number;
    next: string | null;
    first_late: string | null;
  }>`
    select finding.audit_id,
      sum(case when finding.grade = 'major' then 1 else 0 end) as major,
      sum(case when finding.grade = 'minor' then 1 else 0 end) as minor,
      sum(case when finding.grade = 'ofi' then 1 else 0 end) as ofi,
      sum(case when ${openFinding} then 1 else 0 end) as open,
      sum(case when ${deadlineInForce} < ${today} then 1 else 0 end) as overdue,
      min(case when ${deadlineInForce} is not null then ${deadlineInForce} || '|' || ${deadlineKindInForce} end) as next,
      min(case when finding.grade = 'major' and ${deadlineInForce} < ${today} then ${deadlineInForce} end)
        as first_late
    from finding
    where finding.organisation_id = ${organisationId} and finding.audit_id in (${texts(auditIds)})
    group by finding.audit_id`.execute(db);
  for (const r of counts.rows) {
    const f = out.get(r.audit_id)!;
    Object.assign(f, {
      major: Number(r.major),
      minor: Number(r.minor),
      ofi: Number(r.ofi),
      open: Number(r.open),
      overdue: Number(r.overdue),
      firstLateMajor: r.first_late,
    });
    if (r.next) {
      const [on, kind] = r.next.split('|') as [string, DeadlineKind];
      f.nextDeadline = { kind, on };
    }
  }
  // The first few open nonconformities of each kind per audit, and how many there are. While the page's
  // audits hold few open findings, one window over them all is cheapest (1.3 ms for the demo's audits
  // list); beyond, one branch per audit and kind reads its members in ref order from the (organisation,
  // audit, ref) index and stops after MAX_NAMED, so the cost follows the page, not the findings: the
  // window took 94 ms for a page of the 100,000-finding organisation (#16). Both give the same answer.
  const openFindings = [...out.values()].reduce((n, f) => n + f.open, 0);
  const named =
    openFindings <= WINDOW_ROWS
      ? await namedByWindow(db, organisationId, auditIds, today)
      : await namedByBranches(db, organisationId, auditIds, today);
  for (const r of named) {
    const g = out.get(r.audit_id)!.named[r.kind];
    g.count = Number(r.n);
    g.refs.push(r.ref);
  }
  return out;
}

async function namedByWindow(
  db: Db,
  organisationId: string,
  auditIds: readonly string[],
  today: string,
): Promise<NamedRow[]> {
  const ncOpen = sql`finding.organisation_id = ${organisationId} and finding.audit_id in (${texts(auditIds)})
    and ${openFinding}`;
  const { rows } = await sql<NamedRow>`
    select audit_id, kind, ref, n from (
      select audit_id, kind, ref, id, count(*) over (partition by audit_id, kind) as n,
        row_number() over (partition by audit_id, kind order by ref, id) as rn
      from (
        select finding.audit_id, finding.grade as kind, finding.ref, finding.id from finding
        where ${ncOpen} and finding.grade in ('major', 'minor')
        union all
        select finding.audit_id, 'planless' as kind, finding.ref, finding.id from finding
        where ${ncOpen} and finding.grade = 'minor' and finding.status not in (${texts(planAcceptedStatuses)})
        union all
        select finding.audit_id, 'late' as kind, finding.ref, finding.id from finding
        where ${ncOpen} and finding.grade = 'major' and ${deadlineInForce} < ${today}
      ) k
    ) w where rn <= ${MAX_NAMED} order by audit_id, kind, ref, id`.execute(db);
  return rows;
}

async function namedByBranches(
  db: Db,
  organisationId: string,
  auditIds: readonly string[],
  today: string,
): Promise<NamedRow[]> {
  const kinds: Record<keyof AuditFigures['named'], ReturnType<typeof sql>> = {
    major: sql`finding.grade = 'major'`,
    minor: sql`finding.grade = 'minor'`,
    planless: sql`finding.grade = 'minor' and finding.status not in (${texts(planAcceptedStatuses)})`,
    late: sql`finding.grade = 'major' and ${deadlineInForce} < ${today}`,
  };
  const branches = auditIds.flatMap((auditId) =>
    (Object.keys(kinds) as (keyof AuditFigures['named'])[]).map((kind) => {
      const where = sql`finding.organisation_id = ${organisationId} and finding.audit_id = ${auditId}
        and ${openFinding} and ${kinds[kind]}`;
      return sql`select m.*, ${sql.lit(kind)} as kind,
          (select count(*) from finding where ${where}) as n
        from (
          select finding.audit_id, finding.ref, finding.id from finding where ${where}
          order by finding.ref, finding.id limit ${MAX_NAMED}
        ) m`;
    }),
  );
  const rows: NamedRow[] = [];
  // At most 200 branches a statement (50 audits a page): inside SQLite's compound-select limit of 500.
  for (let at = 0; at < branches.length; at += 200) {
    const named = await sql<NamedRow>`
      select u.audit_id, u.kind, u.ref, u.n from (${sql.join(branches.slice(at, at + 200), sql` union all `)}) u
      order by u.audit_id, u.kind, u.ref, u.id`.execute(db);
    rows.push(...named.rows);
  }
  return rows;
}
