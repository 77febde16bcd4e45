import type { Db } from '../../db/connection.ts';
import type { RiskTable } from '../../db/schema-isms.ts';

// The only SQL of the risk register (clauses 6.1.2, 8.2, 8.3); every query is filtered by organisation.

export async function listRisks(db: Db, organisationId: string) {
  return db
    .selectFrom('risk')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('ref')
    .execute();
}

export async function pageRisks(db: Db, organisationId: string, page: { page: number; pageSize: number }) {
  const base = db.selectFrom('risk').where('organisation_id', '=', organisationId);
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

export async function findRiskByRef(db: Db, organisationId: string, ref: string) {
  return db
    .selectFrom('risk')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('ref', '=', ref)
    .executeTakeFirst();
}

export async function insertRisk(db: Db, row: RiskTable) {
  await db.insertInto('risk').values(row).execute();
}

export async function updateRisk(db: Db, organisationId: string, id: string, patch: Partial<RiskTable>) {
  await db
    .updateTable('risk')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** Refs of the risks whose treatment names each Annex A control: they justify its inclusion. */
export async function findMatrix(db: Db, organisationId: string) {
  return db
    .selectFrom('risk_matrix')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function saveMatrix(db: Db, organisationId: string, definitionJson: string, at: string) {
  const existing = await findMatrix(db, organisationId);
  if (existing)
    await db
      .updateTable('risk_matrix')
      .set({ definition_json: definitionJson, updated_at: at })
      .where('organisation_id', '=', organisationId)
      .execute();
  else
    await db
      .insertInto('risk_matrix')
      .values({ organisation_id: organisationId, definition_json: definitionJson, updated_at: at })
      .execute();
}

/** Corrective actions (clause 10.2) a risk treatment points at, with the finding they belong to. */
export async function correctiveActionsByIds(db: Db, organisationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('corrective_action')
    .innerJoin('finding', 'finding.id', 'corrective_action.finding_id')
    .innerJoin('audit', 'audit.id', 'finding.audit_id')
    .select([
      'corrective_action.id',
      'corrective_action.title',
      'corrective_action.status',
      'finding.ref as finding_ref',
      'audit.ref as audit_ref',
    ])
    .where('corrective_action.organisation_id', '=', organisationId)
    .where('corrective_action.id', 'in', ids)
    .execute();
}
