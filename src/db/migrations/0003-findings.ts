import type { Kysely } from 'kysely';

// Audits, their findings and each nonconformity's corrective action record (ISO 27001 clause 10.1),
// with transitions, comments, evidence files and the organisation's deadline policies.
export async function up(db: Kysely<unknown>): Promise<void> {
  const orgFk = 'organisation.id';
  await db.schema
    .createTable('deadline_policy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('preset', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('deadline_policy_org_key_uq', ['organisation_id', 'key'])
    .execute();
  await db.schema
    .createTable('audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('certification_body', 'text', (c) => c.notNull())
    .addColumn('lead_auditor', 'text')
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('report_received_on', 'text')
    .addColumn('recommendation', 'text')
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('cycle', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_org_ref_uq', ['organisation_id', 'ref'])
    .execute();
  await db.schema
    .createTable('finding')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audit.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('requirements_json', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('objective_evidence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('area', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_user_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ofi_reason', 'text')
    .addColumn('cap_due_on', 'text')
    .addColumn('evidence_due_on', 'text')
    .addColumn('close_by_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('finding_audit_ref_uq', ['audit_id', 'ref'])
    .execute();
  await db.schema
    .createIndex('finding_org_idx')
    .on('finding')
    .columns(['organisation_id', 'status'])
    .execute();
  await db.schema
    .createTable('corrective_action_record')
    .addColumn('finding_id', 'text', (c) => c.primaryKey().references('finding.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('correction_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('root_cause_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('expected_effect', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('effectiveness_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('verification_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('auditor_decision_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('corrective_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('finding.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_user_id', 'text')
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('effort_days', 'real')
    .addColumn('completed_by', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('corrective_action_finding_idx')
    .on('corrective_action')
    .column('finding_id')
    .execute();
  await db.schema
    .createTable('isms_amendment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('finding.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('finding_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('finding.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('details_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('parent_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('finding_event_finding_idx')
    .on('finding_event')
    .columns(['finding_id', 'at'])
    .execute();
  await db.schema
    .createTable('evidence_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('finding.id').onDelete('cascade'))
    .addColumn('attached_to', 'text', (c) => c.notNull())
    .addColumn('attached_id', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_file_finding_idx').on('evidence_file').column('finding_id').execute();
}
