import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { RESOLVED_STATUSES } from '../../domain/findings/escalation.ts';
import { isFinishedFinding } from '../../vocabulary/index.ts';

// The SQL behind escalation warnings, bounded by the page asked for (issue #16): each query starts from
// the page's findings (at most a page size of ids, requirements, processes and cycles) and reads the
// groups they belong to through indexes, returning per group its size and only the first few members.

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const RESOLVED = new Set<string>(RESOLVED_STATUSES);
const GROUPS_PER_STATEMENT = 200;

export interface GroupMember {
  id: string;
  key: string;
  cycle: string;
  ref: string;
  area: string;
  members: number;
}

/** Open minors of the given cycles sharing one of `requirements`: per group its size and first `take`. */
export function requirementGroups(
  db: Db,
  organisationId: string,
  requirements: readonly string[],
  cycles: readonly string[],
  take: number,
): Promise<GroupMember[]> {
  return openMinorGroups(
    db,
    'finding_requirement',
    'requirement',
    organisationId,
    requirements,
    cycles,
    take,
  );
}

/** Open minors of the given cycles in one of the processes `areas` (trimmed, lower case). */
export function areaGroups(
  db: Db,
  organisationId: string,
  areas: readonly string[],
  cycles: readonly string[],
  take: number,
): Promise<GroupMember[]> {
  return openMinorGroups(db, 'finding_area', 'area_key', organisationId, areas, cycles, take);
}

/**
 * Per group (key, cycle) of open minors: its size and its first `take` members by ref, in one statement of
 * one branch per group asked for, each two ranges of the group index (migration 0030): the count, and the
 * members read in index order, stopping after `take`. A window over every member (count and rank in one
 * pass) read and sorted whole groups: 75 ms for a page of the 100,000-finding organisation, whose groups
 * hold hundreds of minors each (#16).
 */
async function openMinorGroups(
  db: Db,
  table: 'finding_requirement' | 'finding_area',
  keyColumn: 'requirement' | 'area_key',
  organisationId: string,
  keys: readonly string[],
  cycles: readonly string[],
  take: number,
): Promise<GroupMember[]> {
  if (keys.length === 0 || cycles.length === 0) return [];
  const from = sql.table(table);
  const key = sql.ref(`g.${keyColumn}`);
  const groups = keys.flatMap((k) => cycles.map((c) => [k, c] as const));
  const inGroup = (k: string, c: string) =>
    sql`g.organisation_id = ${organisationId} and ${key} = ${k} and g.open_minor = 1 and g.cycle_key = ${c}`;
  const out: GroupMember[] = [];
  // A page of 25 findings asks for a few dozen groups; a statement takes at most GROUPS_PER_STATEMENT of
  // them (about 10 bound values each), well inside both engines' limits whatever the page size.
  for (let at = 0; at < groups.length; at += GROUPS_PER_STATEMENT) {
    const branches = sql.join(
      groups.slice(at, at + GROUPS_PER_STATEMENT).map(
        ([k, c], i) => sql`select ${sql.raw(`${i}`)} as grp, m.*,
          (select count(*) from ${from} g where ${inGroup(k, c)}) as members
        from (
          select ${key} as key, g.cycle_key as cycle, g.finding_id as id, g.ref as ref, f.area as area
          from ${from} g join finding f on f.id = g.finding_id
          where ${inGroup(k, c)}
          order by g.ref, g.finding_id limit ${take}
        ) m`,
      ),
      sql` union all `,
    );
    // In the groups' order, each group's members by ref as the database orders them (its collation).
    const { rows } = await sql<GroupMember>`
      select u.key, u.cycle, u.id, u.ref, u.area, u.members from (${branches}) u
      order by u.grp, u.ref, u.id`.execute(db);
    for (const r of rows) out.push({ ...r, members: Number(r.members) });
  }
  return out;
}

export interface RepeatRow {
  findingId: string;
  ref: string;
  earlier: number;
}

/** For each of `findingIds`: how many earlier verified findings share a requirement, the first `take`. */
export async function earlierResolved(
  db: Db,
  organisationId: string,
  findingIds: readonly string[],
  take: number,
): Promise<RepeatRow[]> {
  if (findingIds.length === 0) return [];
  // The requirement rows carry each finding's resolution and creation time (migration 0029): the index
  // (organisation, requirement, resolved, created) yields only the earlier resolved findings; the finding
  // table is read for their refs alone.
  const { rows } = await sql<RepeatRow>`
    select finding_id as "findingId", ref, earlier from (
      select d.finding_id, d.ref, count(*) over (partition by d.finding_id) as earlier,
        row_number() over (partition by d.finding_id order by d.ref, d.other_id) as rn
      from (
        select distinct p.finding_id, q.finding_id as other_id, o.ref
        from finding_requirement p
        join finding_requirement q
          on q.organisation_id = p.organisation_id and q.requirement = p.requirement
          and q.resolved = 1 and q.finding_created_at < p.finding_created_at
        join finding o on o.id = q.finding_id
        where p.organisation_id = ${organisationId} and p.finding_id in (${list(findingIds)})
          and q.finding_id <> p.finding_id
      ) d
    ) w where rn <= ${take} order by finding_id, rn`.execute(db);
  return rows.map((r) => ({ ...r, earlier: Number(r.earlier) }));
}

/** What the derived rows are computed from: a finding as stored, and its audit's cycle key. */
export interface DerivedSource {
  organisation_id: string;
  id: string;
  ref: string;
  grade: string;
  status: string;
  area: string;
  requirements_json: string;
  created_at: string;
}

/**
 * The rows escalation warnings are read from, for one finding: one per requirement it cites and one for its
 * process, each carrying whether it is resolved (repeats), an open minor (systemic groups), its cycle and ref.
 */
export function derivedRows(finding: DerivedSource, cycleKey: string) {
  const open_minor = finding.grade === 'minor' && !isFinishedFinding(finding.status) ? 1 : 0;
  const common = { organisation_id: finding.organisation_id, finding_id: finding.id, ref: finding.ref };
  const requirements = [...new Set(JSON.parse(finding.requirements_json) as string[])].map((requirement) => ({
    ...common,
    requirement,
    resolved: RESOLVED.has(finding.status) ? 1 : 0,
    finding_created_at: finding.created_at,
    open_minor,
    cycle_key: cycleKey,
  }));
  const area = { ...common, area_key: finding.area.trim().toLowerCase(), open_minor, cycle_key: cycleKey };
  return { requirements, area };
}

/** An audit's cycle key: the certification cycle it belongs to, or the audit itself when it has none. */
export async function cycleKeys(db: Db, organisationId: string, auditIds: readonly string[]) {
  if (auditIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('audit')
    .select(['id', 'cycle'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...new Set(auditIds)])
    .execute();
  return new Map(rows.map((a) => [a.id, a.cycle || a.id]));
}

/** Rewrites the derived rows of one finding from its stored row: after any change of what they carry. */
export async function refreshDerived(db: Db, organisationId: string, findingId: string) {
  const finding = await db
    .selectFrom('finding')
    .innerJoin('audit', 'audit.id', 'finding.audit_id')
    .select([
      'finding.organisation_id',
      'finding.id',
      'finding.ref',
      'finding.grade',
      'finding.status',
      'finding.area',
      'finding.requirements_json',
      'finding.created_at',
      'audit.id as audit_id',
      'audit.cycle',
    ])
    .where('finding.organisation_id', '=', organisationId)
    .where('finding.id', '=', findingId)
    .executeTakeFirst();
  await db.deleteFrom('finding_requirement').where('finding_id', '=', findingId).execute();
  await db.deleteFrom('finding_area').where('finding_id', '=', findingId).execute();
  if (!finding) return;
  const { requirements, area } = derivedRows(finding, finding.cycle || finding.audit_id);
  if (requirements.length > 0) await db.insertInto('finding_requirement').values(requirements).execute();
  await db.insertInto('finding_area').values(area).execute();
}
