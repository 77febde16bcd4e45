import type { Db } from '../../db/connection.ts';
import type { ApiTokenTable } from '../../db/schema.ts';

export async function insertApiToken(db: Db, row: ApiTokenTable) {
  await db.insertInto('api_token').values(row).execute();
}

/** A person's tokens in one organisation; nobody lists or revokes someone else's. */
export async function listApiTokens(
  db: Db,
  organisationId: string,
  userId: string,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('api_token')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId);
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function findApiToken(db: Db, organisationId: string, userId: string, tokenId: string) {
  return db
    .selectFrom('api_token')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('id', '=', tokenId)
    .executeTakeFirst();
}

export async function revokeApiToken(db: Db, organisationId: string, tokenId: string, at: string) {
  await db
    .updateTable('api_token')
    .set({ revoked_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', tokenId)
    .execute();
}

/** A live (not revoked) token by its hash, with its owner; the caller checks expiry against its clock. */
export async function findTokenByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('user', 'user.id', 'api_token.user_id')
    .select(['api_token.id', 'api_token.organisation_id', 'api_token.expires_at', 'api_token.last_used_at'])
    .select(['user.id as userId', 'api_token.name as tokenName', 'api_token.token_prefix as tokenPrefix'])
    .select(['user.email', 'user.name'])
    .where('api_token.token_hash', '=', tokenHash)
    .where('api_token.revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function markTokenUsed(db: Db, tokenId: string, at: string) {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}
