import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { RESOLVED_STATUSES } from '../../domain/findings/escalation.ts';
import { finishedFindingStatuses } from '../../vocabulary/index.ts';

// The SQL behind escalation warnings, bounded by the page asked for (issue #16): each query starts from
// the page's findings (at most a page size of ids, requirements, processes and cycles) and reads the
// groups they belong to through indexes, returning per group its size and only the first few members.

/** An audit's cycle: the certification cycle it belongs to, or the audit itself when it has none. */
const cycleOf = sql`coalesce(nullif(a.cycle, ''), a.id)`;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const finished = () => list(finishedFindingStatuses);
const RESOLVED = new Set<string>(RESOLVED_STATUSES);

export interface GroupMember {
  id: string;
  key: string;
  cycle: string;
  ref: string;
  area: string;
  members: number;
}

/** Open minors of the given cycles sharing one of `requirements`: per group its size and first `take`. */
export async function requirementGroups(
  db: Db,
  organisationId: string,
  requirements: readonly string[],
  cycles: readonly string[],
  take: number,
): Promise<GroupMember[]> {
  if (requirements.length === 0 || cycles.length === 0) return [];
  const { rows } = await sql<GroupMember>`
    select id, key, cycle, ref, area, members from (
      select fr.requirement as key, ${cycleOf} as cycle, f.id as id, f.ref as ref, f.area as area,
        count(*) over (partition by fr.requirement, ${cycleOf}) as members,
        row_number() over (partition by fr.requirement, ${cycleOf} order by f.ref, f.id) as rn
      from finding_requirement fr
      join finding f on f.id = fr.finding_id
      join audit a on a.id = f.audit_id
      where fr.organisation_id = ${organisationId} and fr.requirement in (${list(requirements)})
        and f.grade = 'minor' and f.status not in (${finished()})
        and ${cycleOf} in (${list(cycles)})
    ) g where rn <= ${take} order by key, cycle, rn`.execute(db);
  return rows.map((r) => ({ ...r, members: Number(r.members) }));
}

/** Open minors of the given cycles in one of the processes `areas` (trimmed, lower case). */
export async function areaGroups(
  db: Db,
  organisationId: string,
  areas: readonly string[],
  cycles: readonly string[],
  take: number,
): Promise<GroupMember[]> {
  if (areas.length === 0 || cycles.length === 0) return [];
  const area = sql`lower(trim(f.area))`;
  const { rows } = await sql<GroupMember>`
    select id, key, cycle, ref, area, members from (
      select ${area} as key, ${cycleOf} as cycle, f.id as id, f.ref as ref, f.area as area,
        count(*) over (partition by ${area}, ${cycleOf}) as members,
        row_number() over (partition by ${area}, ${cycleOf} order by f.ref, f.id) as rn
      from finding f
      join audit a on a.id = f.audit_id
      where f.organisation_id = ${organisationId} and ${area} in (${list(areas)})
        and f.grade = 'minor' and f.status not in (${finished()})
        and ${cycleOf} in (${list(cycles)})
    ) g where rn <= ${take} order by key, cycle, rn`.execute(db);
  return rows.map((r) => ({ ...r, members: Number(r.members) }));
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

/** 1 for a finding whose corrective action was verified (RESOLVED_STATUSES), else 0. */
export const resolvedFlag = (status: string) => (RESOLVED.has(status) ? 1 : 0);

/** The requirement rows of one finding, each carrying what the repeat warning reads by index. */
export const requirementRows = (
  finding: { organisation_id: string; id: string; status: string; created_at: string },
  requirements: readonly string[],
) =>
  [...new Set(requirements)].map((requirement) => ({
    organisation_id: finding.organisation_id,
    requirement,
    finding_id: finding.id,
    resolved: resolvedFlag(finding.status),
    finding_created_at: finding.created_at,
  }));

/** Keeps the requirement rows of a finding in step with its `requirements_json`, status and creation. */
export async function replaceRequirements(
  db: Db,
  organisationId: string,
  findingId: string,
  requirements: readonly string[],
) {
  await db.deleteFrom('finding_requirement').where('finding_id', '=', findingId).execute();
  if (requirements.length === 0) return;
  const finding = await db
    .selectFrom('finding')
    .select(['organisation_id', 'id', 'status', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', findingId)
    .executeTakeFirst();
  if (!finding) return;
  await db.insertInto('finding_requirement').values(requirementRows(finding, requirements)).execute();
}

/** A finding's status changed: its requirement rows say whether it now counts as resolved. */
export async function markResolution(db: Db, organisationId: string, findingId: string, status: string) {
  await db
    .updateTable('finding_requirement')
    .set({ resolved: resolvedFlag(status) })
    .where('organisation_id', '=', organisationId)
    .where('finding_id', '=', findingId)
    .execute();
}
