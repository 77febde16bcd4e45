import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { requestDecision, trustRequest } from '../../contracts/trust.ts';
import type { TrustAccessRequestTable } from '../../db/schema.ts';
import { authorize } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import * as repo from './trust.repository.ts';
import * as access from './trust-access.repository.ts';
import { logAccess } from './trust-log.ts';
import { mailVisitor, pageUrl } from './trust-notify.ts';
import { presentRequest } from './trust-requests.presenter.ts';
import { addDays, endOfDay, issueSignIn, SIGN_IN_DAYS } from './trust-secrets.ts';

// The request queue: a visitor asks for a `request` document (or all of them); a member approves or
// denies with a reason, or a rule approves at once (chosen domains, listed customers). An approval is a
// grant to that person with an expiry, and a mail with a single-use sign-in link proving the address.

export const APPROVAL_DAYS = 90;

type Request = z.infer<typeof trustRequest>;

export async function listRequests(input: { status?: Request['status'] | undefined }, ctx: OrgContext) {
  authorize(ctx, 'trust.read');
  const titles = new Map((await repo.listDocuments(ctx.db, ctx.organisation.id)).map((d) => [d.id, d.title]));
  const rows = await access.requestsOf(ctx.db, ctx.organisation.id, input.status);
  return {
    items: rows.map((r) => presentRequest(r, r.document_id ? (titles.get(r.document_id) ?? null) : null)),
  };
}

/** Approves inside the caller's transaction: the grant, the log entry, the audit entry, then the mail. */
export async function approveInTx(
  tx: ChangeContext,
  r: TrustAccessRequestTable,
  decision: { by: string; reason: string; expiresAt: string | null },
) {
  const at = tx.now().toISOString();
  if (
    !(await access.decideRequest(tx.db, tx.organisation.id, r.id, {
      status: 'approved',
      decided_by: decision.by,
      decided_at: at,
      decision_reason: decision.reason,
    }))
  )
    throw new AppError('invalid_state', 'this request was already decided');
  const grantId = randomUUID();
  const expiresAt = decision.expiresAt ?? addDays(tx.now(), APPROVAL_DAYS);
  await access.insertGrant(tx.db, {
    id: grantId,
    organisation_id: tx.organisation.id,
    subject_kind: 'email',
    subject: r.email,
    document_id: r.document_id,
    expires_at: expiresAt,
    request_id: r.id,
    created_by: decision.by,
    created_at: at,
    revoked_at: null,
  });
  const doc = r.document_id ? await repo.findDocument(tx.db, tx.organisation.id, r.document_id) : null;
  await logAccess(tx.db, tx.organisation.id, tx.now(), {
    kind: 'approve',
    document: doc ? { id: doc.id, title: doc.title } : null,
    email: r.email,
    details: { by: decision.by, reason: decision.reason, expiresAt },
  });
  await tx.audit({
    action: 'trust_request.approve',
    entityType: 'trust_request',
    entityId: r.id,
    data: { email: r.email, document: doc?.title ?? 'all documents', by: decision.by, expiresAt },
  });
  const link = await issueSignIn(tx, r.email);
  await mailVisitor(
    tx,
    r.email,
    `${tx.organisation.name}: your access request was approved`,
    `Hello ${r.name},\n\nyour request for ${doc?.title ?? 'the documents of our trust page'} was approved` +
      `${decision.reason ? ` (${decision.reason})` : ''}. Access lasts until ${expiresAt.slice(0, 10)}.\n\n` +
      `Open this link to sign in; it works once and for ${SIGN_IN_DAYS} days:\n${link}\n\nTrust page: ${pageUrl(tx)}\n`,
  );
}

export async function decideRequest(
  input: { requestId: string } & z.infer<typeof requestDecision>,
  ctx: OrgContext,
) {
  authorize(ctx, 'trust.approve');
  await inTransaction(ctx, async (tx) => {
    const r = await access.findRequest(tx.db, tx.organisation.id, input.requestId);
    if (!r) throw notFound('access request');
    if (r.status !== 'pending') throw new AppError('invalid_state', 'this request was already decided');
    if (input.decision === 'approve') {
      await approveInTx(tx, r, {
        by: tx.actor.label,
        reason: input.reason,
        expiresAt: endOfDay(input.expiresOn),
      });
      return;
    }
    if (!input.reason)
      throw new AppError('validation_failed', 'say why the request is denied', [
        { path: 'reason', message: 'required' },
      ]);
    await access.decideRequest(tx.db, tx.organisation.id, r.id, {
      status: 'denied',
      decided_by: tx.actor.label,
      decided_at: tx.now().toISOString(),
      decision_reason: input.reason,
    });
    const doc = r.document_id ? await repo.findDocument(tx.db, tx.organisation.id, r.document_id) : null;
    await logAccess(tx.db, tx.organisation.id, tx.now(), {
      kind: 'deny',
      document: doc ? { id: doc.id, title: doc.title } : null,
      email: r.email,
      details: { by: tx.actor.label, reason: input.reason },
    });
    await tx.audit({
      action: 'trust_request.deny',
      entityType: 'trust_request',
      entityId: r.id,
      data: { email: r.email, reason: input.reason },
    });
    await mailVisitor(
      tx,
      r.email,
      `${tx.organisation.name}: your access request`,
      `Hello ${r.name},\n\nyour request could not be approved: ${input.reason}\n\n` +
        `For questions, reply to the security contact on ${pageUrl(tx)}\n`,
    );
  });
  return (await listRequests({}, ctx)).items.find((r) => r.id === input.requestId)!;
}
