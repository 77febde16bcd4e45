import type { Db } from '../../db/connection.ts';
import type { InternalAuditCheckTable, InternalAuditTable } from '../../db/schema.ts';
import type { Requirement } from '../../domain/certification/programme.ts';
import { annexAControls, clauses } from '../../reference/catalogue.ts';
import { controlsInForce } from '../soa/index.ts';

/**
 * The controls that apply to the organisation: those marked applicable in the Statement of Applicability
 * in force (the latest approved version, else the draft), the Annex A ones in catalogue order and then the
 * organisation's own other necessary controls (6.1.3 b NOTE 1) by their own id. Without any SoA yet, all
 * 93 controls of ISO/IEC 27001:2022 count (the programme, checklists and readiness all read this).
 */
export async function applicableControls(db: Db, organisationId: string): Promise<Requirement[]> {
  const soa = await controlsInForce({ db, organisation: { id: organisationId, slug: '', name: '' } });
  const all = annexAControls();
  if (soa.version === null)
    return all.map((c) => ({ ref: `A.${c.id}`, kind: 'annex_a' as const, title: c.title }));
  const applicable = new Set(soa.controls.filter((c) => c.applicable).map((c) => c.controlId));
  const own = soa.controls
    .filter((c) => c.applicable && c.source === 'other')
    .sort((a, b) => a.controlId.localeCompare(b.controlId))
    .map((c) => ({ ref: c.controlId, kind: 'own_control' as const, title: c.title }));
  return [
    ...all
      .filter((c) => applicable.has(c.id))
      .map((c) => ({ ref: `A.${c.id}`, kind: 'annex_a' as const, title: c.title })),
    ...own,
  ];
}

export const APPLICABILITY_BASIS =
  "the applicable controls of the Statement of Applicability in force, Annex A and the organisation's own (6.1.3 b NOTE 1; all 93 Annex A controls until one is recorded)";

/** Every requirement the programme must cover: the clause 4–10 requirements and the applicable controls. */
export async function programmeRequirements(db: Db, organisationId: string): Promise<Requirement[]> {
  const clauseReqs = clauses()
    .filter((c) => c.requirement)
    .map((c) => ({ ref: c.id, kind: 'clause' as const, title: c.title }));
  return [...clauseReqs, ...(await applicableControls(db, organisationId))];
}

export async function insertInternalAudit(db: Db, row: InternalAuditTable) {
  await db.insertInto('internal_audit').values(row).execute();
}

export async function updateInternalAudit(
  db: Db,
  organisationId: string,
  auditId: string,
  patch: Partial<InternalAuditTable>,
) {
  await db
    .updateTable('internal_audit')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('audit_id', '=', auditId)
    .execute();
}

const withPeople = (db: Db, organisationId: string) =>
  db
    .selectFrom('internal_audit as ia')
    .innerJoin('audit as a', 'a.id', 'ia.audit_id')
    .innerJoin('user as au', 'au.id', 'ia.auditor_user_id')
    .innerJoin('user as ae', 'ae.id', 'ia.auditee_user_id')
    .selectAll('ia')
    .select([
      'a.ref',
      'au.name as auditor_name',
      'au.email as auditor_email',
      'ae.name as auditee_name',
      'ae.email as auditee_email',
    ])
    .where('ia.organisation_id', '=', organisationId);

export type InternalAuditRow = NonNullable<Awaited<ReturnType<typeof findInternalAuditByRef>>>;

export async function findInternalAuditByRef(db: Db, organisationId: string, ref: string) {
  return withPeople(db, organisationId).where('a.ref', '=', ref).executeTakeFirst();
}

export async function listInternalAudits(db: Db, organisationId: string) {
  return withPeople(db, organisationId).orderBy('ia.planned_on', 'desc').orderBy('a.ref').execute();
}

export async function insertCheck(db: Db, row: InternalAuditCheckTable) {
  await db.insertInto('internal_audit_check').values(row).execute();
}

export async function checksOf(db: Db, organisationId: string, auditIds: string[]) {
  if (auditIds.length === 0) return [];
  return db
    .selectFrom('internal_audit_check as c')
    .leftJoin('finding as f', 'f.id', 'c.finding_id')
    .selectAll('c')
    .select(['f.ref as finding_ref', 'f.status as finding_status'])
    .where('c.organisation_id', '=', organisationId)
    .where('c.audit_id', 'in', auditIds)
    .orderBy('c.position')
    .execute();
}

export async function findCheck(db: Db, organisationId: string, auditId: string, checkId: string) {
  return db
    .selectFrom('internal_audit_check')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('audit_id', '=', auditId)
    .where('id', '=', checkId)
    .executeTakeFirst();
}

export async function updateCheck(
  db: Db,
  organisationId: string,
  checkId: string,
  patch: Partial<InternalAuditCheckTable>,
) {
  await db
    .updateTable('internal_audit_check')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', checkId)
    .execute();
}

/** Recorded results of every internal audit, for the programme's coverage. */
export async function recordedChecks(db: Db, organisationId: string) {
  return db
    .selectFrom('internal_audit_check')
    .select(['requirement', 'result', 'checked_on'])
    .where('organisation_id', '=', organisationId)
    .where('result', 'is not', null)
    .execute();
}

/** Findings of every audit with their requirements, for the checklist's follow-ups. */
export async function earlierFindings(db: Db, organisationId: string) {
  return db
    .selectFrom('finding as f')
    .innerJoin('audit as a', 'a.id', 'f.audit_id')
    .select(['f.ref', 'a.ref as audit_ref', 'f.requirements_json', 'f.grade', 'f.status', 'f.area', 'a.type'])
    .where('f.organisation_id', '=', organisationId)
    .orderBy('a.created_at')
    .orderBy('f.ref')
    .execute();
}

export async function emailsOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return (await db.selectFrom('user').select(['email']).where('id', 'in', userIds).execute()).map(
    (u) => u.email,
  );
}
