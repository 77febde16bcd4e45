import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { deadlineInForce } from '../../db/finding-sql.ts';
import type { Database, FindingTable } from '../../db/schema.ts';
import type { FindingStatus, Grade } from '../../vocabulary/index.ts';
import { cycleKeys, derivedRows, refreshDerived } from './escalation.repository.ts';

export interface FindingFilter {
  auditId?: string | undefined;
  grade?: Grade | undefined;
  status?: FindingStatus | undefined;
  requirement?: string | undefined;
  q?: string | undefined;
  /** Only these findings (a guest's scope). */
  ids?: readonly string[] | undefined;
  /** Only findings past (true) or within (false) the deadline in force on `today`. */
  overdue?: { late: boolean; today: string } | undefined;
}

const sortColumns = {
  ref: 'finding.ref',
  grade: 'finding.grade',
  status: 'finding.status',
  capDueOn: 'finding.cap_due_on',
  closeByOn: 'finding.close_by_on',
  updatedAt: 'finding.updated_at',
} as const;

/** The filter's conditions, on the finding's own columns and indexed sub-queries (the count needs no join). */
function conditions(eb: ExpressionBuilder<Database, 'finding'>, organisationId: string, f: FindingFilter) {
  const all: Expression<SqlBool>[] = [eb('finding.organisation_id', '=', organisationId)];
  if (f.ids) all.push(f.ids.length > 0 ? eb('finding.id', 'in', f.ids) : sql<boolean>`1 = 0`);
  if (f.auditId) all.push(eb('finding.audit_id', '=', f.auditId));
  if (f.grade) all.push(eb('finding.grade', '=', f.grade));
  if (f.status) all.push(eb('finding.status', '=', f.status));
  // One requirement, matched exactly through finding_requirement's primary key (organisation, requirement,
  // finding), not by a LIKE over every finding's stored JSON (#16).
  if (f.requirement)
    all.push(
      eb(
        'finding.id',
        'in',
        eb
          .selectFrom('finding_requirement')
          .select('finding_requirement.finding_id')
          .where('finding_requirement.organisation_id', '=', organisationId)
          .where('finding_requirement.requirement', '=', f.requirement),
      ),
    );
  if (f.overdue)
    all.push(
      f.overdue.late
        ? sql<boolean>`${deadlineInForce} < ${f.overdue.today}`
        : sql<boolean>`coalesce(${deadlineInForce} >= ${f.overdue.today}, true)`,
    );
  if (f.q) {
    const like = `%${f.q.replace(/[%_]/g, '')}%`;
    all.push(
      eb.or([
        eb('finding.statement', 'like', like),
        eb('finding.ref', 'like', like),
        eb('finding.area', 'like', like),
      ]),
    );
  }
  return eb.and(all);
}

function filtered(db: Db, organisationId: string, f: FindingFilter) {
  return db
    .selectFrom('finding')
    .innerJoin('audit', 'audit.id', 'finding.audit_id')
    .leftJoin('user', 'user.id', 'finding.owner_user_id')
    .where((eb) => conditions(eb, organisationId, f));
}

const columns = [
  'finding.id',
  'finding.organisation_id',
  'finding.audit_id',
  'finding.ref',
  'finding.grade',
  'finding.requirements_json',
  'finding.statement',
  'finding.objective_evidence',
  'finding.area',
  'finding.owner_user_id',
  'finding.status',
  'finding.ofi_reason',
  'finding.cap_due_on',
  'finding.evidence_due_on',
  'finding.close_by_on',
  'finding.created_at',
  'finding.updated_at',
  'finding.closed_at',
  'audit.ref as audit_ref',
  'audit.type as audit_type',
  'audit.cycle as audit_cycle',
  'audit.ends_on as audit_ends_on',
  'user.name as owner_name',
  'user.email as owner_email',
] as const;

export type FindingRow = Awaited<ReturnType<typeof findFinding>> & {};

export async function listFindings(
  db: Db,
  organisationId: string,
  f: FindingFilter,
  order: { sort: keyof typeof sortColumns; direction: 'asc' | 'desc' },
  page?: { page: number; pageSize: number },
) {
  const total = await db
    .selectFrom('finding')
    .where((eb) => conditions(eb, organisationId, f))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  let q = filtered(db, organisationId, f)
    .select(columns)
    .orderBy(sortColumns[order.sort], order.direction)
    .orderBy('finding.id');
  if (page) q = q.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { rows: await q.execute(), total: Number(total.n) };
}

export async function findFinding(db: Db, organisationId: string, findingId: string) {
  return filtered(db, organisationId, {})
    .select(columns)
    .where('finding.id', '=', findingId)
    .executeTakeFirst();
}

export async function findFindingByRef(db: Db, organisationId: string, auditId: string, ref: string) {
  return filtered(db, organisationId, { auditId })
    .select(columns)
    .where('finding.ref', '=', ref)
    .executeTakeFirst();
}

/** Which of `refs` (at most a batch: the caller bounds the list) an audit already holds. */
export async function existingRefs(
  db: Db,
  organisationId: string,
  auditId: string,
  refs: readonly string[],
): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await db
    .selectFrom('finding')
    .select('ref')
    .where('organisation_id', '=', organisationId)
    .where('audit_id', '=', auditId)
    .where('ref', 'in', refs)
    .execute();
  return new Set(rows.map((r) => r.ref));
}

/**
 * Inserts findings with their requirement rows in multi-row statements (18 columns a finding: 100 rows stay
 * well under SQLite's and PostgreSQL's parameter limits). The corrective action record belongs to the
 * corrective-actions module, which creates it on its first write.
 */
export async function insertFindings(db: Db, rows: readonly FindingTable[]) {
  await inChunks(rows, 100, (c) => db.insertInto('finding').values(c).execute());
  // The rows escalation warnings are read from (migrations 0020, 0029, 0030), written with the findings.
  const cycles = await cycleKeys(
    db,
    rows[0]?.organisation_id ?? '',
    rows.map((r) => r.audit_id),
  );
  const derived = rows.map((row) => derivedRows(row, cycles.get(row.audit_id) ?? row.audit_id));
  await inChunks(
    derived.flatMap((d) => d.requirements),
    300,
    (c) => db.insertInto('finding_requirement').values(c).execute(),
  );
  await inChunks(
    derived.map((d) => d.area),
    300,
    (c) => db.insertInto('finding_area').values(c).execute(),
  );
}

/** Multi-row statements of at most `size` rows each, one after the other. */
async function inChunks<T>(rows: readonly T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function updateFinding(
  db: Db,
  organisationId: string,
  findingId: string,
  patch: Partial<FindingTable>,
) {
  await db
    .updateTable('finding')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', findingId)
    .execute();
  const derivedFrom = ['requirements_json', 'status', 'grade', 'ref', 'area'] as const;
  if (derivedFrom.some((k) => patch[k] !== undefined)) await refreshDerived(db, organisationId, findingId);
}
