import type { Db } from '../../db/connection.ts';
import type { CapRevisionTable } from '../../db/schema-reports.ts';

// CAP revisions: the only SQL of the reports module, always scoped by organisation.

export async function insertCapRevision(db: Db, row: CapRevisionTable) {
  await db.insertInto('cap_revision').values(row).execute();
}

export async function latestCapRevisionNumber(db: Db, organisationId: string, auditId: string) {
  const row = await db
    .selectFrom('cap_revision')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('organisation_id', '=', organisationId)
    .where('audit_id', '=', auditId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findCapRevision(db: Db, organisationId: string, auditId: string, number: number) {
  return db
    .selectFrom('cap_revision')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('audit_id', '=', auditId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function listCapRevisions(db: Db, organisationId: string, auditId: string) {
  return db
    .selectFrom('cap_revision')
    .select(['number', 'submitted_by', 'submitted_at', 'approved_by', 'approved_at'])
    .where('organisation_id', '=', organisationId)
    .where('audit_id', '=', auditId)
    .orderBy('number')
    .limit(1000)
    .execute();
}

export async function approveCapRevision(
  db: Db,
  organisationId: string,
  id: string,
  approval: Pick<CapRevisionTable, 'approved_by' | 'approved_by_user_id' | 'approved_at'>,
) {
  await db
    .updateTable('cap_revision')
    .set(approval)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** The audit's latest CAP revision with the audit's reference (the one a submission just stored). */
export async function latestCapRevision(db: Db, organisationId: string, auditId: string) {
  return db
    .selectFrom('cap_revision')
    .innerJoin('audit', (j) =>
      j.onRef('audit.id', '=', 'cap_revision.audit_id').on('audit.organisation_id', '=', organisationId),
    )
    .select([
      'audit.ref as audit_ref',
      'cap_revision.number',
      'cap_revision.submitted_by',
      'cap_revision.submitted_at',
      'cap_revision.approved_by',
      'cap_revision.approved_at',
    ])
    .where('cap_revision.organisation_id', '=', organisationId)
    .where('cap_revision.audit_id', '=', auditId)
    .orderBy('cap_revision.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}
