import { randomUUID } from 'node:crypto';
import type { DatabaseKind, Db } from '../../db/connection.ts';
import { type ChainedEntry, chainEntry, GENESIS_HASH } from '../../domain/audit/chain.ts';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Serialises the changes of one organisation on PostgreSQL: the first statement of every change locks the
 * organisation's row (FOR NO KEY UPDATE: foreign-key checks of other writers still pass), held to commit.
 * A check-then-write use-case ("at least one admin", "one draft SoA", "reference unused") then sees every
 * change committed before it, as on SQLite, whose single writer gives the same guarantee (two admins
 * demoting each other both succeeded, issue #18). During setup the row does not exist yet: nothing to lock.
 */
export async function lockOrganisation(trx: Db, kind: DatabaseKind, organisationId: string) {
  if (kind !== 'postgres') return;
  await trx
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', organisationId)
    .forNoKeyUpdate()
    .execute();
}

/**
 * Appends one entry. The head row is bumped first with UPDATE … RETURNING, which takes a row lock on
 * PostgreSQL (SQLite serialises writers anyway), so two concurrent changes cannot fork the chain.
 */
/** Who acted, as the chain records it (the use-case context's actor has this shape). */
interface ChainActor {
  userId: string | null;
  label: string;
}

export async function appendAuditEntry(
  trx: Db,
  kind: DatabaseKind,
  input: AuditInput & { organisationId: string; actor: ChainActor; at: string },
): Promise<ChainedEntry> {
  const { organisationId, actor, at, ...entry } = input;
  const [chained] = await appendAuditEntries(trx, kind, { organisationId, actor, at, entries: [entry] });
  return chained!;
}

/**
 * Appends entries in order, as one step of the chain: the head is bumped once by their number, their
 * hashes are chained in memory and they are inserted in multi-row statements (an import of 10,000
 * findings writes 10,000 entries, issue #16). Same lock and same chain as one entry at a time.
 */
export async function appendAuditEntries(
  trx: Db,
  _kind: DatabaseKind,
  input: { organisationId: string; actor: ChainActor; at: string; entries: AuditInput[] },
): Promise<ChainedEntry[]> {
  const n = input.entries.length;
  if (n === 0) return [];
  await trx
    .insertInto('audit_head')
    .values({ organisation_id: input.organisationId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .execute();
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', n) }))
    .where('organisation_id', '=', input.organisationId)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  let seq = Number(head.seq) - n;
  let prev = head.hash;
  const chained = input.entries.map((e) => {
    seq += 1;
    const entry = chainEntry(
      {
        organisationId: input.organisationId,
        seq,
        at: input.at,
        actorId: input.actor.userId,
        actorLabel: input.actor.label,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId ?? null,
        data: e.data ?? {},
      },
      prev,
    );
    prev = entry.hash;
    return entry;
  });
  // 12 columns an entry: 200 rows stay well under SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < n; i += 200)
    await trx
      .insertInto('audit_entry')
      .values(
        chained.slice(i, i + 200).map((entry) => ({
          id: randomUUID(),
          organisation_id: entry.organisationId,
          seq: entry.seq,
          at: entry.at,
          actor_id: entry.actorId,
          actor_label: entry.actorLabel,
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          data_json: JSON.stringify(entry.data),
          prev_hash: entry.prevHash,
          hash: entry.hash,
        })),
      )
      .execute();
  await trx
    .updateTable('audit_head')
    .set({ hash: prev })
    .where('organisation_id', '=', input.organisationId)
    .execute();
  return chained;
}

export interface AuditFilter {
  action?: string | undefined;
  entityType?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Db, organisationId: string, f: AuditFilter) {
  let q = db.selectFrom('audit_entry').where('organisation_id', '=', organisationId);
  if (f.action) q = q.where('action', 'like', `${f.action}%`);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.actor) q = q.where('actor_label', '=', f.actor);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', f.to);
  return q;
}

export async function listAuditEntries(
  db: Db,
  organisationId: string,
  f: AuditFilter,
  page: { page: number; pageSize: number },
) {
  const total = await filtered(db, organisationId, f)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, organisationId, f)
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Every entry in chain order, streamed in pages so that a long trail does not load at once. */
export async function* allAuditEntries(db: Db, organisationId: string): AsyncGenerator<ChainedEntry> {
  const pageSize = 1000;
  let offset = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_entry')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('seq', 'asc')
      .limit(pageSize)
      .offset(offset)
      .execute();
    for (const r of rows) {
      yield {
        organisationId: r.organisation_id,
        seq: Number(r.seq),
        at: r.at,
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        data: JSON.parse(r.data_json),
        prevHash: r.prev_hash,
        hash: r.hash,
      };
    }
    if (rows.length < pageSize) return;
    offset += pageSize;
  }
}

export async function auditHead(db: Db, organisationId: string) {
  const row = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}
