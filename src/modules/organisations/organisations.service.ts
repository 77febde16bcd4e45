import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../contracts/errors.ts';
import { organisationSettings as settingsSchema } from '../../contracts/foundation.ts';
import type { DatabaseHandle } from '../../db/connection.ts';
import { authorize } from '../authorize.ts';
import { type AppEnv, inTransaction, makeContext, type OrgContext, type Who } from '../context.ts';
import { admitMember } from '../members/index.ts';
import * as repo from './organisations.repository.ts';

/**
 * Creates an organisation with its first administrator. The creation is the first entry of the new
 * organisation's audit chain, written in the same transaction.
 */
export async function createOrganisation(
  input: { slug: string; name: string; adminUserId: string; adminEmail: string },
  deps: { database: DatabaseHandle; env: AppEnv; who?: Who },
) {
  const { database } = deps;
  if (await repo.findOrganisationBySlug(database.db, input.slug)) {
    throw new AppError('conflict', `the slug ${input.slug} is taken`, [
      { path: 'body/slug', message: 'taken' },
    ]);
  }
  const organisation = { id: randomUUID(), slug: input.slug, name: input.name };
  const now = new Date();
  // The creator becomes its first administrator in the same transaction (the CLI creates on its own).
  const who: Who = deps.who ?? {
    kind: 'member',
    userId: input.adminUserId,
    email: input.adminEmail,
    via: 'session',
    role: 'admin',
  };
  const ctx = makeContext(who, organisation, { ...database, env: deps.env, now: () => now });
  await inTransaction(ctx, async (tx) => {
    await repo.insertOrganisation(tx.db, {
      ...organisation,
      createdAt: now.toISOString(),
      settings: { timezone: 'UTC', holidays: [], systemicMinorThreshold: 2 },
    });
    await tx.audit({
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: organisation.id,
      data: organisation,
    });
    const membershipId = randomUUID();
    await admitMember(tx.db, {
      id: membershipId,
      organisationId: organisation.id,
      userId: input.adminUserId,
      role: 'admin',
      createdAt: now.toISOString(),
    });
    await tx.audit({
      action: 'member.add',
      entityType: 'membership',
      entityId: membershipId,
      data: { email: input.adminEmail, role: 'admin' },
    });
  });
  return { ...organisation, createdAt: now.toISOString() };
}

export async function getSettings(_input: Record<string, never>, ctx: OrgContext) {
  authorize(ctx, 'organisation.read');
  return settingsSchema.parse(await repo.organisationSettings(ctx.db, ctx.organisation.id));
}

export async function updateSettings(input: z.infer<typeof settingsSchema>, ctx: OrgContext) {
  authorize(ctx, 'organisation.update');
  return inTransaction(ctx, async (tx) => {
    const before = settingsSchema.parse(await repo.organisationSettings(tx.db, ctx.organisation.id));
    const { name, ...given } = input;
    // A client that does not know the next steps' dismissal (the CLI, an older page) keeps it as it was.
    const settings = { ...given, nextStepsDismissed: given.nextStepsDismissed ?? before.nextStepsDismissed };
    await repo.updateOrganisation(tx.db, ctx.organisation.id, { name, settings });
    await tx.audit({
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: ctx.organisation.id,
      data: { before, after: { name, ...settings } },
    });
    return { name, ...settings };
  });
}
