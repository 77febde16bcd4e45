import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { grantInput, linkInput, trustGrant, trustLink } from '../../contracts/trust.ts';
import type { TrustGrantTable, TrustLinkTable } from '../../db/schema.ts';
import { generateToken, hashToken } from '../../domain/secrets/token.ts';
import { isLive } from '../../domain/trust/access.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import * as repo from './trust.repository.ts';
import * as access from './trust-access.repository.ts';
import { logAccess } from './trust-log.ts';
import { mailVisitor, pageUrl } from './trust-notify.ts';
import { endOfDay, hashPasscode, issueSignIn, SIGN_IN_DAYS } from './trust-secrets.ts';

// Grants (a person or a whole company, one document or all, with an expiry), email invitations with a
// single-use sign-in link, and direct share links (capabilities, revocable at once).

async function titles(ctx: OrgContext) {
  return new Map((await repo.listDocuments(ctx.db, ctx.organisation.id)).map((d) => [d.id, d.title]));
}

const presentGrant = (g: TrustGrantTable, t: Map<string, string>, now: Date): z.infer<typeof trustGrant> => ({
  id: g.id,
  subjectKind: g.subject_kind as 'email',
  subject: g.subject,
  documentId: g.document_id,
  documentTitle: g.document_id ? (t.get(g.document_id) ?? null) : null,
  expiresAt: g.expires_at,
  createdBy: g.created_by,
  createdAt: g.created_at,
  revokedAt: g.revoked_at,
  live: isLive({ expiresAt: g.expires_at, revokedAt: g.revoked_at }, now),
});

const presentLink = (l: TrustLinkTable, t: Map<string, string>, now: Date): z.infer<typeof trustLink> => ({
  id: l.id,
  label: l.label,
  documentId: l.document_id,
  documentTitle: l.document_id ? (t.get(l.document_id) ?? null) : null,
  hasPasscode: l.passcode_hash !== null,
  expiresAt: l.expires_at,
  createdBy: l.created_by,
  createdAt: l.created_at,
  revokedAt: l.revoked_at,
  lastUsedAt: l.last_used_at,
  live: isLive({ expiresAt: l.expires_at, revokedAt: l.revoked_at }, now),
});

/** A grant or link naming a document must name one of this organisation that is not private. */
async function checkDocument(ctx: OrgContext, documentId: string | null) {
  if (!documentId) return;
  const d = await repo.findDocument(ctx.db, ctx.organisation.id, documentId);
  if (!d) throw notFound('trust document');
  if (d.access_level === 'private')
    throw new AppError('invalid_state', 'a private document is never shared; change its level first');
}

export async function listGrants(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'trust.read');
  const t = await titles(ctx);
  return {
    items: (await access.grantsOf(ctx.db, ctx.organisation.id)).map((g) => presentGrant(g, t, ctx.now())),
  };
}

export async function createGrant(input: z.infer<typeof grantInput>, ctx: OrgContext) {
  authorize(ctx, 'trust.manage');
  const email = input.subjectKind === 'email';
  if (
    email
      ? !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.subject)
      : !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(input.subject)
  )
    throw new AppError('validation_failed', email ? 'an email address' : 'a domain such as example.com', [
      { path: 'subject', message: 'invalid' },
    ]);
  if (input.invite && !email)
    throw new AppError('validation_failed', 'an invitation goes to a person', [
      { path: 'invite', message: 'email only' },
    ]);
  await checkDocument(ctx, input.documentId);
  const row: TrustGrantTable = {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    subject_kind: input.subjectKind,
    subject: input.subject,
    document_id: input.documentId,
    expires_at: endOfDay(input.expiresOn),
    request_id: null,
    created_by: ctx.actor.label,
    created_at: ctx.now().toISOString(),
    revoked_at: null,
  };
  await inTransaction(ctx, async (tx) => {
    await access.insertGrant(tx.db, row);
    await logAccess(tx.db, tx.organisation.id, tx.now(), {
      kind: 'grant',
      document: input.documentId
        ? { id: input.documentId, title: (await titles(tx)).get(input.documentId) ?? '' }
        : null,
      email: email ? input.subject : null,
      details: {
        subject: input.subject,
        kind: input.subjectKind,
        expiresAt: row.expires_at,
        by: tx.actor.label,
      },
    });
    await tx.audit({
      action: 'trust_grant.create',
      entityType: 'trust_grant',
      entityId: row.id,
      data: { subject: row.subject, expiresAt: row.expires_at },
    });
    if (!input.invite) return;
    const link = await issueSignIn(tx, input.subject);
    await logAccess(tx.db, tx.organisation.id, tx.now(), {
      kind: 'invite',
      email: input.subject,
      details: { by: tx.actor.label },
    });
    await mailVisitor(
      tx,
      input.subject,
      `${tx.organisation.name} shares security documents with you`,
      `Hello,\n\n${tx.organisation.name} gave you access to documents of its trust page.\n\n` +
        `Open this link to sign in; it works once and for ${SIGN_IN_DAYS} days:\n${link}\n\nTrust page: ${pageUrl(tx)}\n`,
    );
  });
  return presentGrant(row, await titles(ctx), ctx.now());
}

export async function revokeGrant(input: { grantId: string }, ctx: OrgContext) {
  authorize(ctx, 'trust.manage');
  await inTransaction(ctx, async (tx) => {
    if (!(await access.revokeGrant(tx.db, tx.organisation.id, input.grantId, tx.now().toISOString())))
      throw notFound('grant');
    await logAccess(tx.db, tx.organisation.id, tx.now(), {
      kind: 'grant_revoke',
      details: { grantId: input.grantId, by: tx.actor.label },
    });
    await tx.audit({
      action: 'trust_grant.revoke',
      entityType: 'trust_grant',
      entityId: input.grantId,
      data: {},
    });
  });
}

export async function listLinks(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'trust.read');
  const t = await titles(ctx);
  return {
    items: (await access.linksOf(ctx.db, ctx.organisation.id)).map((l) => presentLink(l, t, ctx.now())),
  };
}

export async function createLink(input: z.infer<typeof linkInput>, ctx: OrgContext) {
  authorize(ctx, 'trust.manage');
  await checkDocument(ctx, input.documentId);
  const token = generateToken('tsl_');
  const row: TrustLinkTable = {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    token_hash: hashToken(token),
    label: input.label,
    document_id: input.documentId,
    passcode_hash: input.passcode ? hashPasscode(input.passcode) : null,
    expires_at: endOfDay(input.expiresOn),
    created_by: ctx.actor.label,
    created_at: ctx.now().toISOString(),
    revoked_at: null,
    last_used_at: null,
  };
  await inTransaction(ctx, async (tx) => {
    await access.insertLink(tx.db, row);
    await tx.audit({
      action: 'trust_link.create',
      entityType: 'trust_link',
      entityId: row.id,
      data: {
        label: row.label,
        documentId: row.document_id,
        expiresAt: row.expires_at,
        passcode: row.passcode_hash !== null,
      },
    });
  });
  return { ...presentLink(row, await titles(ctx), ctx.now()), url: `${pageUrl(ctx)}/s/${token}` };
}

/** Revoked at once: sessions opened through the link die with it (they are checked against it). */
export async function revokeLink(input: { linkId: string }, ctx: OrgContext) {
  authorize(ctx, 'trust.manage');
  await inTransaction(ctx, async (tx) => {
    const link = await access.findLink(tx.db, tx.organisation.id, input.linkId);
    if (!link || !(await access.revokeLink(tx.db, tx.organisation.id, link.id, tx.now().toISOString())))
      throw notFound('share link');
    await logAccess(tx.db, tx.organisation.id, tx.now(), {
      kind: 'link_revoke',
      details: { label: link.label, by: tx.actor.label },
    });
    await tx.audit({
      action: 'trust_link.revoke',
      entityType: 'trust_link',
      entityId: link.id,
      data: { label: link.label },
    });
  });
}
