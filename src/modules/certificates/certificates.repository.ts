import type { Db } from '../../db/connection.ts';
import type { CertificateTable, CertificationAuditTable, CertificationTaskTable } from '../../db/schema.ts';

export async function insertCertificate(db: Db, row: CertificateTable) {
  await db.insertInto('certificate').values(row).execute();
}

export async function updateCertificate(
  db: Db,
  organisationId: string,
  certificateId: string,
  patch: Partial<CertificateTable>,
) {
  await db
    .updateTable('certificate')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', certificateId)
    .execute();
}

export async function findCertificate(db: Db, organisationId: string, certificateId: string) {
  return db
    .selectFrom('certificate')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', certificateId)
    .executeTakeFirst();
}

export async function findCertificateByNumber(db: Db, organisationId: string, number: string) {
  return db
    .selectFrom('certificate')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function listCertificates(
  db: Db,
  organisationId: string,
  page: { page: number; pageSize: number },
) {
  const base = db.selectFrom('certificate').where('organisation_id', '=', organisationId);
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('issued_on', 'desc')
    .orderBy('number')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Every certificate of the organisation, oldest first (the timeline and readiness read the history). */
export async function allCertificates(db: Db, organisationId: string) {
  return db
    .selectFrom('certificate')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('issued_on')
    .execute();
}

/** The `limit` most recently issued certificates, newest first. */
export async function recentCertificates(db: Db, organisationId: string, limit: number) {
  return db
    .selectFrom('certificate')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('issued_on', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function insertPlannedAudit(db: Db, row: CertificationAuditTable) {
  await db.insertInto('certification_audit').values(row).execute();
}

export async function plannedAudits(db: Db, organisationId: string, certificateId: string) {
  return db
    .selectFrom('certification_audit as ca')
    .innerJoin('audit as a', 'a.id', 'ca.audit_id')
    .selectAll('ca')
    .select(['a.ref as audit_ref', 'a.starts_on as audit_starts_on'])
    .where('ca.organisation_id', '=', organisationId)
    .where('ca.certificate_id', '=', certificateId)
    .orderBy('ca.planned_on')
    .execute();
}

export async function updatePlannedAudit(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<CertificationAuditTable>,
) {
  await db
    .updateTable('certification_audit')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function insertTask(db: Db, row: CertificationTaskTable) {
  await db.insertInto('certification_task').values(row).execute();
}

export async function tasksOf(db: Db, organisationId: string, plannedAuditIds: string[]) {
  if (plannedAuditIds.length === 0) return [];
  return db
    .selectFrom('certification_task')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('certification_audit_id', 'in', plannedAuditIds)
    .orderBy('due_on')
    .orderBy('key')
    .execute();
}

export async function findTask(db: Db, organisationId: string, certificateId: string, taskId: string) {
  return db
    .selectFrom('certification_task as t')
    .innerJoin('certification_audit as ca', 'ca.id', 't.certification_audit_id')
    .selectAll('t')
    .where('t.organisation_id', '=', organisationId)
    .where('ca.certificate_id', '=', certificateId)
    .where('t.id', '=', taskId)
    .executeTakeFirst();
}

export async function updateTask(
  db: Db,
  organisationId: string,
  taskId: string,
  patch: Partial<CertificationTaskTable>,
) {
  await db
    .updateTable('certification_task')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', taskId)
    .execute();
}

/** The certificate in force on `today` (the latest valid one issued by then), if any. */
export async function currentCertificate(db: Db, organisationId: string, today: string) {
  return db
    .selectFrom('certificate')
    .select(['issued_on', 'expires_on'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'valid')
    .where('issued_on', '<=', today)
    .orderBy('issued_on', 'desc')
    .executeTakeFirst();
}

export async function auditsForTimeline(db: Db, organisationId: string) {
  return db
    .selectFrom('audit')
    .select(['ref', 'type', 'certification_body', 'starts_on', 'report_received_on', 'cycle', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .execute();
}

export async function findingsForReadiness(db: Db, organisationId: string) {
  return db
    .selectFrom('finding as f')
    .innerJoin('audit as a', 'a.id', 'f.audit_id')
    .select([
      'f.ref',
      'a.ref as audit_ref',
      'a.type',
      'f.grade',
      'f.status',
      'f.close_by_on',
      'f.ofi_reason',
      'f.created_at',
      'a.report_received_on',
      'a.starts_on',
    ])
    .where('f.organisation_id', '=', organisationId)
    .orderBy('a.created_at')
    .orderBy('f.ref')
    .execute();
}

/** Who is reminded of the cycle: the people who run the ISMS (admins and ISMS managers). */
export async function cycleRecipients(db: Db, organisationId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.email'])
    .where('membership.organisation_id', '=', organisationId)
    .where('membership.role', 'in', ['admin', 'isms_manager'])
    .orderBy('user.email')
    .execute();
}

export async function sentReminderKeys(db: Db, organisationId: string, keys: string[]) {
  if (keys.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('certification_reminder')
    .select('key')
    .where('organisation_id', '=', organisationId)
    .where('key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.key));
}

export async function markRemindersSent(db: Db, organisationId: string, keys: string[], at: string) {
  for (const key of keys)
    await db
      .insertInto('certification_reminder')
      .values({ organisation_id: organisationId, key, sent_at: at })
      .execute();
}
