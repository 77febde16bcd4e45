import type { Kysely } from 'kysely';

// The certification cycle (certificates, the audits planned from them and their preparation tasks), the
// internal audit programme (clause 9.2: internal audits with auditor, auditee and a checklist of results)
// and management reviews (clause 9.3).
export async function up(db: Kysely<unknown>): Promise<void> {
  const orgFk = 'organisation.id';
  await db.schema
    .createTable('certificate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('certification_body', 'text', (c) => c.notNull())
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('settings_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('file_name', 'text')
    .addColumn('file_media_type', 'text')
    .addColumn('file_size_bytes', 'integer')
    .addColumn('file_sha256', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('certificate_org_number_uq', ['organisation_id', 'number'])
    .execute();
  await db.schema
    .createTable('certification_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('certificate_id', 'text', (c) => c.notNull().references('certificate.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audit.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('certification_audit_cert_idx')
    .on('certification_audit')
    .column('certificate_id')
    .execute();
  await db.schema
    .createTable('certification_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('certification_audit_id', 'text', (c) =>
      c.notNull().references('certification_audit.id').onDelete('cascade'),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('done_by', 'text')
    .execute();
  await db.schema
    .createTable('internal_audit')
    .addColumn('audit_id', 'text', (c) => c.primaryKey().references('audit.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('auditor_user_id', 'text', (c) => c.notNull())
    .addColumn('auditee_user_id', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('sampling_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('internal_audit_check')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audit.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('follow_up_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('result', 'text')
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sampling', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('checked_by', 'text')
    .addColumn('checked_on', 'text')
    .addColumn('finding_id', 'text', (c) => c.references('finding.id').onDelete('set null'))
    .addUniqueConstraint('internal_audit_check_uq', ['audit_id', 'requirement'])
    .execute();
  await db.schema
    .createIndex('internal_audit_check_org_idx')
    .on('internal_audit_check')
    .columns(['organisation_id', 'requirement'])
    .execute();
  await db.schema
    .createTable('management_review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('chair', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .addColumn('decisions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('management_review_org_ref_uq', ['organisation_id', 'ref'])
    .execute();
  await db.schema
    .createTable('certification_reminder')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('certification_reminder_pk', ['organisation_id', 'key'])
    .execute();
}
