import type { Db } from '../../db/connection.ts';
import type { PlanScenarioTable } from '../../db/schema-planning.ts';

export async function listScenarios(db: Db, organisationId: string) {
  return db
    .selectFrom('plan_scenario')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
}

export async function findScenario(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('plan_scenario')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertScenario(db: Db, row: PlanScenarioTable) {
  await db.insertInto('plan_scenario').values(row).execute();
}

export async function updateScenario(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<PlanScenarioTable>,
) {
  await db
    .updateTable('plan_scenario')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}
