import type { Db } from '../../db/connection.ts';
import type { AuditTable } from '../../db/schema.ts';

export async function insertAudit(db: Db, row: AuditTable) {
  await db.insertInto('audit').values(row).execute();
}

export async function updateAudit(
  db: Db,
  organisationId: string,
  auditId: string,
  patch: Partial<AuditTable>,
) {
  await db
    .updateTable('audit')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', auditId)
    .execute();
}

export async function findAuditByRef(db: Db, organisationId: string, ref: string) {
  return db
    .selectFrom('audit')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('ref', '=', ref)
    .executeTakeFirst();
}

export async function findAudit(db: Db, organisationId: string, auditId: string) {
  return db
    .selectFrom('audit')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', auditId)
    .executeTakeFirst();
}

export async function listAudits(db: Db, organisationId: string, page: { page: number; pageSize: number }) {
  const base = db.selectFrom('audit').where('organisation_id', '=', organisationId);
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('ref')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function auditsFollowingPolicy(db: Db, organisationId: string, policyKey: string) {
  return db
    .selectFrom('audit')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('policy_key', '=', policyKey)
    .execute();
}
