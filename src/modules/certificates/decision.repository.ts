import type { Db } from '../../db/connection.ts';
import { nonconformityGrades } from '../../vocabulary/index.ts';

// Reads the certification decision needs: the audit it is taken on, that audit's nonconformities and the
// SoA version in force on the decision date. Scoped by organisation, bounded by what they return.

export async function decisionAudit(db: Db, organisationId: string, ref: string) {
  return db
    .selectFrom('audit')
    .select(['id', 'ref', 'type', 'ends_on', 'starts_on', 'cycle', 'scope'])
    .where('organisation_id', '=', organisationId)
    .where('ref', '=', ref)
    .executeTakeFirst();
}

export async function auditRefOf(db: Db, organisationId: string, auditId: string | null) {
  if (!auditId) return null;
  const row = await db
    .selectFrom('audit')
    .select('ref')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', auditId)
    .executeTakeFirst();
  return row?.ref ?? null;
}

/** The nonconformities (majors and minors) of one audit, in reference order. */
export async function nonconformitiesOf(db: Db, organisationId: string, auditId: string) {
  return db
    .selectFrom('finding')
    .select(['ref', 'grade', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('audit_id', '=', auditId)
    .where('grade', 'in', nonconformityGrades)
    .orderBy('ref')
    .execute();
}

/** The number of the latest SoA version approved on or before `on` (null: none approved by then). */
export async function soaVersionInForce(db: Db, organisationId: string, on: string) {
  const row = await db
    .selectFrom('soa_version')
    .select('number')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'approved')
    .where('approved_on', '<=', on)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.number) : null;
}

export async function certificateNumberOf(db: Db, organisationId: string, certificateId: string | null) {
  if (!certificateId) return null;
  const row = await db
    .selectFrom('certificate')
    .select('number')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', certificateId)
    .executeTakeFirst();
  return row?.number ?? null;
}
