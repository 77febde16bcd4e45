import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { IsmsObjectiveResultTable, IsmsObjectiveTable } from '../../db/schema-objectives.ts';

// The only SQL of the information security objectives (6.2); every query is filtered by organisation.

export async function pageObjectives(
  db: Db,
  organisationId: string,
  page: { page: number; pageSize: number },
) {
  const base = db.selectFrom('isms_objective').where('organisation_id', '=', organisationId);
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('ref')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Every objective with its latest result on or before `onOrBefore` (the management review's day). */
export async function objectivesWithLatest(
  db: Db,
  organisationId: string,
  onOrBefore: string,
  limit: number,
) {
  const rows = await db
    .selectFrom('isms_objective')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('ref')
    .limit(limit)
    .execute();
  if (rows.length === 0) return { rows, latest: [] };
  const latest = await db
    .selectFrom(
      db
        .selectFrom('isms_objective_result')
        .select([
          'objective_id',
          'measured_on',
          'value',
          sql<number>`row_number() over (partition by objective_id order by measured_on desc, recorded_at desc)`.as(
            'n',
          ),
        ])
        .where('organisation_id', '=', organisationId)
        .where(
          'objective_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('measured_on', '<=', onOrBefore)
        .as('r'),
    )
    .select(['objective_id', 'measured_on', 'value'])
    .where('n', '=', 1)
    .execute();
  return { rows, latest };
}

export async function findObjectiveByRef(db: Db, organisationId: string, ref: string) {
  return db
    .selectFrom('isms_objective')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('ref', '=', ref)
    .executeTakeFirst();
}

/** The newest `perObjective` results of each objective named, and how many each has. */
export async function recentResults(
  db: Db,
  organisationId: string,
  objectiveIds: string[],
  perObjective: number,
) {
  if (objectiveIds.length === 0) return { results: [], counts: [] };
  const results = await db
    .selectFrom(
      db
        .selectFrom('isms_objective_result')
        .selectAll()
        .select(
          sql<number>`row_number() over (partition by objective_id order by measured_on desc, recorded_at desc)`.as(
            'n',
          ),
        )
        .where('organisation_id', '=', organisationId)
        .where('objective_id', 'in', objectiveIds)
        .as('r'),
    )
    .selectAll()
    .where('n', '<=', perObjective)
    .orderBy('objective_id')
    .orderBy('n')
    .execute();
  const counts = await db
    .selectFrom('isms_objective_result')
    .select(['objective_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('objective_id', 'in', objectiveIds)
    .groupBy('objective_id')
    .execute();
  return { results, counts: counts.map((c) => ({ objectiveId: c.objective_id, n: Number(c.n) })) };
}

export async function insertObjective(db: Db, row: IsmsObjectiveTable) {
  await db.insertInto('isms_objective').values(row).execute();
}

export async function updateObjective(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<IsmsObjectiveTable>,
) {
  await db
    .updateTable('isms_objective')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function deleteObjective(db: Db, organisationId: string, id: string) {
  await db
    .deleteFrom('isms_objective')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function insertResult(db: Db, row: IsmsObjectiveResultTable) {
  await db.insertInto('isms_objective_result').values(row).execute();
}

/** The latest result of one objective (what "achieved" is checked against). */
export async function latestResult(db: Db, organisationId: string, objectiveId: string) {
  return db
    .selectFrom('isms_objective_result')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('objective_id', '=', objectiveId)
    .orderBy('measured_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
