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

export async function auditFigures(
  db: Db,
  organisationId: string,
  auditIds: readonly string[],
  today: string,
): Promise<Map<string, AuditFigures>> {
  const out = new Map(auditIds.map((id) => [id, empty()]));
  if (auditIds.length === 0) return out;
  const open = sql`finding.status not in (${texts(finishedFindingStatuses)})`;
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
      sum(case when ${open} then 1 else 0 end) as open,
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
  const ncOpen = sql`finding.organisation_id = ${organisationId} and finding.audit_id in (${texts(auditIds)})
    and ${open}`;
  const named = await sql<{ audit_id: string; kind: keyof AuditFigures['named']; ref: string; n: number }>`
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
  for (const r of named.rows) {
    const g = out.get(r.audit_id)!.named[r.kind];
    g.count = Number(r.n);
    g.refs.push(r.ref);
  }
  return out;
}
