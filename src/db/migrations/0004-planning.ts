import type { Kysely } from 'kysely';

// The remediation planner: task planning fields on corrective actions, free tasks, finish-to-start
// dependencies, people's capacity and time off, what-if scenarios, the conversation on each task with
// unread markers, notifications already sent (so a reminder goes once) and private calendar feeds.
export async function up(db: Kysely<unknown>): Promise<void> {
  const orgFk = 'organisation.id';
  await db.schema.alterTable('corrective_action').addColumn('earliest_start_on', 'text').execute();
  // Guests (an external auditor, a collaborator) may be limited to the findings they were invited to.
  await db.schema.alterTable('invitation').addColumn('scope_json', 'text').execute();
  await db.schema.alterTable('membership').addColumn('scope_json', 'text').execute();
  await db.schema
    .alterTable('corrective_action')
    .addColumn('serves', 'text', (c) => c.notNull().defaultTo('evidence'))
    .execute();
  await db.schema
    .createTable('plan_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('finding_id', 'text', (c) => c.references('finding.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_user_id', 'text')
    .addColumn('effort_days', 'real', (c) => c.notNull())
    .addColumn('earliest_start_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('serves', 'text', (c) => c.notNull().defaultTo('evidence'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_task_org_idx').on('plan_task').column('organisation_id').execute();
  await db.schema
    .createTable('task_dependency')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('predecessor_id', 'text', (c) => c.notNull())
    .addColumn('successor_id', 'text', (c) => c.notNull())
    .addColumn('lag_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('task_dependency_uq', ['organisation_id', 'predecessor_id', 'successor_id'])
    .execute();
  await db.schema
    .createTable('person_capacity')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('share', 'real', (c) => c.notNull())
    .addColumn('weekdays_json', 'text', (c) => c.notNull().defaultTo('[1,2,3,4,5]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_capacity_pk', ['organisation_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('team')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('team_org_name_uq', ['organisation_id', 'name'])
    .execute();
  await db.schema
    .createTable('team_member')
    .addColumn('team_id', 'text', (c) => c.notNull().references('team.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_member_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('time_off')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('plan_scenario')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('changes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('task_comment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('author_id', 'text')
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('attachment_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_comment_task_idx')
    .on('task_comment')
    .columns(['organisation_id', 'task_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('conversation_read')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_read_pk', ['organisation_id', 'user_id', 'subject_id'])
    .execute();
  await db.schema
    .createTable('notification_sent')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_sent_pk', ['organisation_id', 'key'])
    .execute();
  await db.schema
    .createTable('calendar_feed')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
}
