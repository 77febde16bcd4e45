import type { Db } from '../../db/connection.ts';
import type {
  TrustDocumentTable,
  TrustNdaAcceptanceTable,
  TrustNdaVersionTable,
  TrustPageTable,
} from '../../db/schema.ts';

// SQL of the trust page, its documents and NDA versions. Every query filters by organisation.

export async function findPage(db: Db, organisationId: string) {
  return db
    .selectFrom('trust_page')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function upsertPage(db: Db, row: TrustPageTable) {
  const exists = await findPage(db, row.organisation_id);
  if (exists) {
    const { organisation_id, created_at: _created, ...patch } = row;
    await db.updateTable('trust_page').set(patch).where('organisation_id', '=', organisation_id).execute();
  } else await db.insertInto('trust_page').values(row).execute();
}

export async function setPublished(db: Db, organisationId: string, at: string | null, updatedAt: string) {
  await db
    .updateTable('trust_page')
    .set({ published_at: at, updated_at: updatedAt })
    .where('organisation_id', '=', organisationId)
    .execute();
}

/** The organisation behind a public slug, with its page, only while the page is published. */
export async function publishedPageBySlug(db: Db, slug: string) {
  return db
    .selectFrom('organisation')
    .innerJoin('trust_page', 'trust_page.organisation_id', 'organisation.id')
    .selectAll('trust_page')
    .select(['organisation.id as org_id', 'organisation.slug as org_slug', 'organisation.name as org_name'])
    .where('organisation.slug', '=', slug)
    .where('trust_page.published_at', 'is not', null)
    .executeTakeFirst();
}

/** The slug of the published page a custom domain points at (the domain is lower-case, as validated). */
export async function slugByCustomDomain(db: Db, host: string) {
  const row = await db
    .selectFrom('trust_page')
    .innerJoin('organisation', 'organisation.id', 'trust_page.organisation_id')
    .select('organisation.slug')
    .where('trust_page.custom_domain', '=', host.toLowerCase())
    .where('trust_page.published_at', 'is not', null)
    .executeTakeFirst();
  return row?.slug ?? null;
}

export async function insertDocument(db: Db, row: TrustDocumentTable) {
  await db.insertInto('trust_document').values(row).execute();
}

export async function listDocuments(db: Db, organisationId: string) {
  return db
    .selectFrom('trust_document')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function findDocument(db: Db, organisationId: string, documentId: string) {
  return db
    .selectFrom('trust_document')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}

export async function updateDocument(
  db: Db,
  organisationId: string,
  documentId: string,
  patch: Partial<TrustDocumentTable>,
) {
  await db
    .updateTable('trust_document')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', documentId)
    .execute();
}

export async function deleteDocument(db: Db, organisationId: string, documentId: string) {
  const r = await db
    .deleteFrom('trust_document')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function ndaVersions(db: Db, organisationId: string) {
  return db
    .selectFrom('trust_nda_version')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('version', 'desc')
    .execute();
}

export async function currentNda(db: Db, organisationId: string) {
  return db
    .selectFrom('trust_nda_version')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertNdaVersion(db: Db, row: TrustNdaVersionTable) {
  await db.insertInto('trust_nda_version').values(row).execute();
}

export async function insertNdaAcceptance(db: Db, row: TrustNdaAcceptanceTable) {
  await db.insertInto('trust_nda_acceptance').values(row).execute();
}

/** Who hears of NDA acceptances and requests: the people who run the ISMS (admins, ISMS managers). */
export async function owners(db: Db, organisationId: string) {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.email'])
    .where('membership.organisation_id', '=', organisationId)
    .where('membership.role', 'in', ['admin', 'isms_manager'])
    .orderBy('user.email')
    .execute();
  return rows.map((r) => r.email);
}
