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

/**
 * The figures an audit summary shows (counts, next deadline, implied recommendation): a read-only
 * back-reference to the findings raised in it. The findings module owns and writes those rows (and moves
 * their deadlines when the audit changes); audits only counts them.
 */
export async function findingFiguresOf(db: Db, organisationId: string, auditId: string) {
  return db
    .selectFrom('finding')
    .select(['id', 'ref', 'grade', 'status', 'cap_due_on', 'evidence_due_on', 'close_by_on'])
    .where('organisation_id', '=', organisationId)
    .where('audit_id', '=', auditId)
    .orderBy('ref')
    .orderBy('id')
    .execute();
}
