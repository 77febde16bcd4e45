import type { Db } from '../../db/connection.ts';
import type { TaskCommentTable } from '../../db/schema-planning.ts';

export async function listTaskComments(db: Db, organisationId: string, taskId: string) {
  return db
    .selectFrom('task_comment')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('task_id', '=', taskId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1000)
    .execute();
}

export async function findTaskComment(db: Db, organisationId: string, taskId: string, id: string) {
  return db
    .selectFrom('task_comment')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('task_id', '=', taskId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTaskComment(db: Db, row: TaskCommentTable) {
  await db.insertInto('task_comment').values(row).execute();
}

export async function lastRead(db: Db, organisationId: string, userId: string, subjectId: string) {
  const r = await db
    .selectFrom('conversation_read')
    .select('read_at')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  return r?.read_at ?? null;
}

export async function markRead(
  db: Db,
  organisationId: string,
  userId: string,
  subjectId: string,
  at: string,
) {
  await db
    .insertInto('conversation_read')
    .values({ organisation_id: organisationId, user_id: userId, subject_id: subjectId, read_at: at })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id', 'subject_id']).doUpdateSet({ read_at: at }))
    .execute();
}

export async function commentAttachments(db: Db, organisationId: string, taskId: string) {
  return db
    .selectFrom('task_comment')
    .innerJoin('evidence_file', 'evidence_file.id', 'task_comment.attachment_id')
    .select(['evidence_file.id', 'evidence_file.file_name', 'evidence_file.finding_id'])
    .where('task_comment.organisation_id', '=', organisationId)
    .where('evidence_file.organisation_id', '=', organisationId)
    .where('task_comment.task_id', '=', taskId)
    .execute();
}
