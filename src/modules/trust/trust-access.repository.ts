import type { Db } from '../../db/connection.ts';
import type {
  TrustAccessEventTable,
  TrustAccessRequestTable,
  TrustGrantTable,
  TrustLinkTable,
  TrustSignInTable,
  TrustVisitorSessionTable,
} from '../../db/schema.ts';

// SQL of visitors' sessions, grants, share links, sign-in links, requests and the access log.
// Every query filters by organisation; secrets are looked up by their hash only.

export async function insertSession(db: Db, row: TrustVisitorSessionTable) {
  await db.insertInto('trust_visitor_session').values(row).execute();
}

export async function sessionByHash(db: Db, organisationId: string, tokenHash: string, now: string) {
  return db
    .selectFrom('trust_visitor_session')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, organisationId: string, tokenHash: string) {
  await db
    .deleteFrom('trust_visitor_session')
    .where('organisation_id', '=', organisationId)
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteExpiredSessions(db: Db, organisationId: string, now: string) {
  await db
    .deleteFrom('trust_visitor_session')
    .where('organisation_id', '=', organisationId)
    .where('expires_at', '<=', now)
    .execute();
}

export async function insertGrant(db: Db, row: TrustGrantTable) {
  await db.insertInto('trust_grant').values(row).execute();
}

export async function grantsOf(db: Db, organisationId: string) {
  return db
    .selectFrom('trust_grant')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Unrevoked grants that may cover `email` (its own address or its domain); expiry is judged by the rule. */
export async function grantsFor(db: Db, organisationId: string, email: string, domain: string) {
  return db
    .selectFrom('trust_grant')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('revoked_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('subject_kind', '=', 'email'), eb('subject', '=', email)]),
        eb.and([eb('subject_kind', '=', 'domain'), eb('subject', '=', domain)]),
      ]),
    )
    .execute();
}

export async function revokeGrant(db: Db, organisationId: string, grantId: string, at: string) {
  const r = await db
    .updateTable('trust_grant')
    .set({ revoked_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', grantId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertLink(db: Db, row: TrustLinkTable) {
  await db.insertInto('trust_link').values(row).execute();
}

export async function linksOf(db: Db, organisationId: string) {
  return db
    .selectFrom('trust_link')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function linkByHash(db: Db, organisationId: string, tokenHash: string) {
  return db
    .selectFrom('trust_link')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findLink(db: Db, organisationId: string, linkId: string) {
  return db
    .selectFrom('trust_link')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', linkId)
    .executeTakeFirst();
}

export async function revokeLink(db: Db, organisationId: string, linkId: string, at: string) {
  const r = await db
    .updateTable('trust_link')
    .set({ revoked_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', linkId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function touchLink(db: Db, organisationId: string, linkId: string, at: string) {
  await db
    .updateTable('trust_link')
    .set({ last_used_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', linkId)
    .execute();
}

export async function insertSignIn(db: Db, row: TrustSignInTable) {
  await db.insertInto('trust_sign_in').values(row).execute();
}

export async function signInByHash(db: Db, organisationId: string, tokenHash: string) {
  return db
    .selectFrom('trust_sign_in')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the sign-in link used; false when another request used it first (single use, race-safe). */
export async function consumeSignIn(db: Db, organisationId: string, id: string, at: string) {
  const r = await db
    .updateTable('trust_sign_in')
    .set({ used_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertRequest(db: Db, row: TrustAccessRequestTable) {
  await db.insertInto('trust_access_request').values(row).execute();
}

export async function requestsOf(db: Db, organisationId: string, status: string | undefined) {
  let q = db
    .selectFrom('trust_access_request')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .limit(500);
  if (status) q = q.where('status', '=', status);
  return q.execute();
}

export async function findRequest(db: Db, organisationId: string, requestId: string) {
  return db
    .selectFrom('trust_access_request')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', requestId)
    .executeTakeFirst();
}

export async function decideRequest(
  db: Db,
  organisationId: string,
  requestId: string,
  patch: Pick<TrustAccessRequestTable, 'status' | 'decided_by' | 'decided_at' | 'decision_reason'>,
) {
  const r = await db
    .updateTable('trust_access_request')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', requestId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertEvent(db: Db, row: TrustAccessEventTable) {
  await db.insertInto('trust_access_event').values(row).execute();
}

export async function events(
  db: Db,
  organisationId: string,
  filter: { documentId?: string | undefined; email?: string | undefined },
  page: { page: number; pageSize: number } | null,
) {
  let base = db.selectFrom('trust_access_event').where('organisation_id', '=', organisationId);
  if (filter.documentId) base = base.where('document_id', '=', filter.documentId);
  if (filter.email) base = base.where('email', '=', filter.email.trim().toLowerCase());
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  let rows = base.selectAll().orderBy('at', 'desc').orderBy('id');
  if (page) rows = rows.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { rows: await rows.execute(), total: Number(total.n) };
}

export async function updateSession(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<Pick<TrustVisitorSessionTable, 'nda_version' | 'email' | 'name' | 'company'>>,
) {
  await db
    .updateTable('trust_visitor_session')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}
