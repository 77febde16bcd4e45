import type { Db } from '../../db/connection.ts';
import type { DeadlinePolicyTable } from '../../db/schema.ts';

export async function listPolicies(db: Db, organisationId: string) {
  return db
    .selectFrom('deadline_policy')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('key')
    .execute();
}

export async function findPolicy(db: Db, organisationId: string, key: string) {
  return db
    .selectFrom('deadline_policy')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertPolicy(db: Db, row: DeadlinePolicyTable) {
  await db.insertInto('deadline_policy').values(row).execute();
}

export async function updatePolicy(
  db: Db,
  organisationId: string,
  key: string,
  patch: { name: string; definition_json: string; updated_at: string },
) {
  await db
    .updateTable('deadline_policy')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('key', '=', key)
    .execute();
}
