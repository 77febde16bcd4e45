import type { Db } from '../../db/connection.ts';
import type { IsmsContextTable } from '../../db/schema-isms.ts';

// The only SQL of the context of the organisation (4.1, 4.2); filtered by organisation.

export async function findContext(db: Db, organisationId: string) {
  return db
    .selectFrom('isms_context')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function saveContext(db: Db, row: IsmsContextTable) {
  const { organisation_id, ...rest } = row;
  const updated = await db
    .updateTable('isms_context')
    .set(rest)
    .where('organisation_id', '=', organisation_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('isms_context').values(row).execute();
}
