import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { feedInput } from '../../contracts/collaboration.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { DatabaseKind, Db } from '../../db/connection.ts';
import { generateToken, hashToken } from '../../domain/secrets/token.ts';
import { authorize } from '../authorize.ts';
import { certificationCalendar } from '../certificates/index.ts';
import { type AppEnv, inTransaction, makeContext, type OrgContext } from '../context.ts';
import * as repo from './calendar-feeds.repository.ts';
import { feedEvents, renderIcs } from './ics.ts';

// Private calendar feeds: a capability URL (256 random bits, only its SHA-256 stored) that a calendar
// client polls without a session. It is per person and organisation, revocable, and dies with the
// membership; it carries deadlines and audit dates, not findings' evidence.

const present = (r: {
  id: string;
  scope: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}) => ({
  id: r.id,
  scope: r.scope as 'mine' | 'organisation',
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

function ownerOf(ctx: OrgContext) {
  if (!ctx.actor.userId) throw new AppError('forbidden', 'calendar feeds belong to a person');
  return ctx.actor.userId;
}

export async function listFeeds(_input: Record<string, never>, ctx: OrgContext) {
  authorize(ctx, 'calendar_feed.manage');
  return { items: (await repo.feedsOf(ctx.db, ctx.organisation.id, ownerOf(ctx))).map(present) };
}

export async function createFeed(input: z.infer<typeof feedInput>, ctx: OrgContext) {
  authorize(ctx, 'calendar_feed.manage');
  const userId = ownerOf(ctx);
  const token = generateToken('cal_');
  const row = {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    user_id: userId,
    scope: input.scope,
    token_hash: hashToken(token),
    created_at: ctx.now().toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await inTransaction(ctx, async (tx) => {
    await repo.insertFeed(tx.db, row);
    await tx.audit({
      action: 'calendar_feed.create',
      entityType: 'calendar_feed',
      entityId: row.id,
      data: { scope: input.scope },
    });
  });
  return { ...present(row), url: `${ctx.env.publicUrl}/api/v1/calendar/${token}.ics` };
}

export async function revokeFeed(input: { feedId: string }, ctx: OrgContext) {
  authorize(ctx, 'calendar_feed.manage');
  await inTransaction(ctx, async (tx) => {
    if (
      !(await repo.revokeFeed(tx.db, tx.organisation.id, ownerOf(tx), input.feedId, tx.now().toISOString()))
    )
      throw notFound('calendar feed');
    await tx.audit({
      action: 'calendar_feed.revoke',
      entityType: 'calendar_feed',
      entityId: input.feedId,
      data: {},
    });
  });
}

/** The feed for a token; a revoked, unknown or orphaned token answers 404 like any unknown address. */
export async function readFeed(
  input: { token: string },
  deps: { db: Db; kind: DatabaseKind; env: AppEnv; now: () => Date },
) {
  const token = input.token.replace(/\.ics$/, '');
  const feed = await repo.feedByHash(deps.db, hashToken(token));
  if (!feed) throw notFound('calendar feed');
  const items = await repo.datedItems(
    deps.db,
    feed.organisation_id,
    feed.scope === 'mine' ? feed.user_id : null,
  );
  const events = feedEvents(items);
  // The certification cycle: audit windows, planned audits, preparation tasks, reminders, expiry.
  const cycle = await certificationCalendar(
    {},
    makeContext(
      { kind: 'feed', userId: feed.user_id },
      { id: feed.organisation_id, slug: feed.organisation_slug, name: feed.organisation_name },
      deps,
    ),
  );
  for (const e of cycle)
    events.push({
      uid: `cycle-${e.key}`,
      title: e.title,
      start: e.date,
      category: e.kind.replaceAll('_', ' '),
    });
  await repo.touchFeed(deps.db, feed.id, deps.now().toISOString());
  const name = `${feed.organisation_name} — ${feed.scope === 'mine' ? 'my deadlines' : 'ISMS deadlines'}`;
  return renderIcs(name, events, deps.now());
}
