import type { Updateable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type {
  CorrectiveActionRecordTable,
  CorrectiveActionTable,
  IsmsAmendmentTable,
} from '../../db/schema.ts';

/** The record's columns a write may set; `updated_at` always. */
export type RecordPatch = Omit<Updateable<CorrectiveActionRecordTable>, 'finding_id' | 'organisation_id'> & {
  updated_at: string;
};

export async function findRecord(db: Db, organisationId: string, findingId: string) {
  return db
    .selectFrom('corrective_action_record')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('finding_id', '=', findingId)
    .executeTakeFirst();
}

/**
 * Writes part of a finding's record. The row is created on the first write (a finding nobody has worked on
 * has the empty record, see corrective-actions.read.ts), so the findings module never writes this table.
 * Both paths are scoped by organisation: the row is inserted only from the finding of this organisation
 * (INSERT … SELECT), and the conflict update touches only this organisation's row, so a finding id of
 * another organisation neither gets a stray row nor has its record changed.
 */
export async function upsertRecord(db: Db, organisationId: string, findingId: string, patch: RecordPatch) {
  const fields = Object.entries(patch) as [keyof RecordPatch & string, string][];
  await db
    .insertInto('corrective_action_record')
    .columns(['finding_id', 'organisation_id', ...fields.map(([k]) => k)])
    .expression((eb) =>
      eb
        .selectFrom('finding')
        .select(['finding.id', 'finding.organisation_id'])
        .select(fields.map(([k, v]) => eb.val(v).as(k)))
        // SQLite needs a WHERE on an INSERT … SELECT that has an upsert clause; this one is the scope.
        .where('finding.organisation_id', '=', organisationId)
        .where('finding.id', '=', findingId),
    )
    .onConflict((oc) =>
      oc
        .column('finding_id')
        .doUpdateSet(patch)
        .where('corrective_action_record.organisation_id', '=', organisationId),
    )
    .execute();
}

const actionColumns = [
  'corrective_action.id',
  'corrective_action.finding_id',
  'corrective_action.title',
  'corrective_action.description',
  'corrective_action.owner_user_id',
  'corrective_action.due_on',
  'corrective_action.status',
  'corrective_action.effort_days',
  'corrective_action.completed_by',
  'corrective_action.completed_at',
  'corrective_action.created_at',
  'user.name as owner_name',
  'user.email as owner_email',
] as const;

export async function listActions(db: Db, organisationId: string, findingIds: string[]) {
  if (findingIds.length === 0) return [];
  return db
    .selectFrom('corrective_action')
    .leftJoin('user', 'user.id', 'corrective_action.owner_user_id')
    .select(actionColumns)
    .where('corrective_action.organisation_id', '=', organisationId)
    .where('corrective_action.finding_id', 'in', findingIds)
    .orderBy('corrective_action.created_at')
    .orderBy('corrective_action.id')
    .execute();
}

export async function findAction(db: Db, organisationId: string, findingId: string, actionId: string) {
  return db
    .selectFrom('corrective_action')
    .leftJoin('user', 'user.id', 'corrective_action.owner_user_id')
    .select(actionColumns)
    .where('corrective_action.organisation_id', '=', organisationId)
    .where('corrective_action.finding_id', '=', findingId)
    .where('corrective_action.id', '=', actionId)
    .executeTakeFirst();
}

export async function insertAction(db: Db, row: CorrectiveActionTable) {
  await db.insertInto('corrective_action').values(row).execute();
}

export async function updateAction(
  db: Db,
  organisationId: string,
  actionId: string,
  patch: Partial<CorrectiveActionTable>,
) {
  await db
    .updateTable('corrective_action')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', actionId)
    .execute();
}

export async function deleteAction(db: Db, organisationId: string, actionId: string) {
  await db
    .deleteFrom('corrective_action')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', actionId)
    .execute();
}

export async function listAmendments(db: Db, organisationId: string, findingId: string) {
  return db
    .selectFrom('isms_amendment')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('finding_id', '=', findingId)
    .orderBy('created_at')
    .execute();
}

export async function insertAmendment(db: Db, row: IsmsAmendmentTable) {
  await db.insertInto('isms_amendment').values(row).execute();
}

export async function deleteAmendment(
  db: Db,
  organisationId: string,
  findingId: string,
  amendmentId: string,
) {
  const r = await db
    .deleteFrom('isms_amendment')
    .where('organisation_id', '=', organisationId)
    .where('finding_id', '=', findingId)
    .where('id', '=', amendmentId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
