import type { Db } from '../../db/connection.ts';
import type { IsmsDocumentTable } from '../../db/schema-isms.ts';

// The only SQL of the document register; every query is filtered by organisation.

export async function listDocuments(db: Db, organisationId: string) {
  return db
    .selectFrom('isms_document')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('ref')
    .execute();
}

/** Documents whose next review date has passed (7.5.2: reviewed and kept suitable), soonest first. */
export async function documentsOverdueForReview(db: Db, organisationId: string, today: string) {
  return db
    .selectFrom('isms_document')
    .select(['ref', 'title', 'next_review_on'])
    .where('organisation_id', '=', organisationId)
    .where('next_review_on', 'is not', null)
    .where('next_review_on', '<', today)
    .orderBy('next_review_on')
    .orderBy('ref')
    .execute();
}

export async function pageDocuments(
  db: Db,
  organisationId: string,
  page: { page: number; pageSize: number },
) {
  const base = db.selectFrom('isms_document').where('organisation_id', '=', organisationId);
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('ref')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function findDocumentByRef(db: Db, organisationId: string, ref: string) {
  return db
    .selectFrom('isms_document')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('ref', '=', ref)
    .executeTakeFirst();
}

export async function insertDocument(db: Db, row: IsmsDocumentTable) {
  await db.insertInto('isms_document').values(row).execute();
}

export async function updateDocument(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<IsmsDocumentTable>,
) {
  await db
    .updateTable('isms_document')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}
