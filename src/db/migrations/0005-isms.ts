import type { Kysely } from 'kysely';

// ISMS baseline: the Statement of Applicability in versions (with the ISMS scope of clause 4.3 in each
// version), its change log, the risk register and its matrix (6.1.2, 8.2), the register of documented
// information (7.5) and the organisation's corrections to the shipped crosswalk mappings.
export async function up(db: Kysely<unknown>): Promise<void> {
  const orgFk = 'organisation.id';
  await db.schema
    .createTable('soa_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scope_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('change_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('based_on', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_user_id', 'text')
    .addColumn('approved_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('soa_version_org_number_uq', ['organisation_id', 'number'])
    .execute();
  await db.schema
    .createTable('soa_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('soa_version.id').onDelete('cascade'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('applicable', 'integer', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('justification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('implementation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('documents_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('soa_entry_version_control_uq', ['version_id', 'control_id'])
    .execute();
  await db.schema
    .createTable('soa_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('soa_version.id').onDelete('cascade'))
    .addColumn('control_id', 'text')
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('soa_change_version_idx')
    .on('soa_change')
    .columns(['version_id', 'at'])
    .execute();
  await db.schema
    .createTable('risk_matrix')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references(orgFk).onDelete('cascade'))
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('risk')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('asset', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('threat', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('vulnerability', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('inherent_likelihood', 'integer', (c) => c.notNull())
    .addColumn('inherent_impact', 'integer', (c) => c.notNull())
    .addColumn('residual_likelihood', 'integer', (c) => c.notNull())
    .addColumn('residual_impact', 'integer', (c) => c.notNull())
    .addColumn('treatment', 'text', (c) => c.notNull())
    .addColumn('treatment_plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('controls_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('actions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('review_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('risk_org_ref_uq', ['organisation_id', 'ref'])
    .execute();
  await db.schema
    .createTable('isms_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('requirement_key', 'text')
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_email', 'text')
    .addColumn('version', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('approved_by', 'text')
    .addColumn('approved_on', 'text')
    .addColumn('next_review_on', 'text')
    .addColumn('last_reminded_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('isms_document_org_ref_uq', ['organisation_id', 'ref'])
    .execute();
  await db.schema
    .createTable('crosswalk_override')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('from_kind', 'text', (c) => c.notNull())
    .addColumn('from_id', 'text', (c) => c.notNull())
    .addColumn('to_id', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('crosswalk_override_uq', [
      'organisation_id',
      'framework',
      'from_kind',
      'from_id',
      'to_id',
    ])
    .execute();
}
