import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { accessRequestInput, linkOpenInput, ndaAcceptance } from '../../contracts/trust.ts';
import { hashToken } from '../../domain/secrets/token.ts';
import {
  type AccessLevel,
  autoApproval,
  decideAccess,
  emailDomain,
  grantCovers,
  isLive,
  watermarkLine,
} from '../../domain/trust/access.ts';
import { authorize } from '../authorize.ts';
import { inTransaction } from '../context.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';
import * as repo from './trust.repository.ts';
import * as access from './trust-access.repository.ts';
import { documentContent } from './trust-documents.service.ts';
import { logAccess } from './trust-log.ts';
import { adminUrl, notifyOwners } from './trust-notify.ts';
import { pageCertificates } from './trust-page.service.ts';
import { pageJson, presentPublicPage } from './trust-public.presenter.ts';
import { presentRequest } from './trust-requests.presenter.ts';
import { approveInTx } from './trust-requests.service.ts';
import { passcodeMatches } from './trust-secrets.ts';
import { newSession, toGrant, type VisitorCtx } from './trust-visitor.ts';
import { stampPdf } from './watermark.ts';

// What a visitor (not an account) can do on a published trust page. Every miss (unknown slug,
// unpublished page, private or foreign document, dead link) is the same 404, so nothing can be probed.

async function currentNda(ctx: VisitorCtx) {
  const nda = await repo.currentNda(ctx.db, ctx.organisation.id);
  return nda ? { version: Number(nda.version), text: nda.text } : null;
}

export async function viewPage(_input: Record<string, never>, ctx: VisitorCtx) {
  authorize(ctx, 'trust.visit');
  const view = presentPublicPage({
    organisation: ctx.organisation.name,
    page: ctx.page,
    documents: await repo.listDocuments(ctx.db, ctx.organisation.id),
    certificates: await pageCertificates(ctx.db, ctx.organisation.id),
    nda: await currentNda(ctx),
    visitor: ctx.visitor,
    now: ctx.now(),
    preview: false,
  });
  await logAccess(ctx.db, ctx.organisation.id, ctx.now(), {
    kind: 'page_view',
    email: ctx.visitor.viewer.email,
    ip: ctx.ip,
  });
  return view;
}

/** Clickwrap: name, email, company, time, IP and NDA version are kept as a durable record. */
export async function acceptNda(input: z.infer<typeof ndaAcceptance>, ctx: VisitorCtx) {
  authorize(ctx, 'trust.visit');
  const nda = await currentNda(ctx);
  if (!nda) throw notFound('NDA');
  if (nda.version !== input.version)
    throw new AppError('conflict', 'the NDA changed while you were reading it: read the new version');
  return inTransaction(ctx, async (tx) => {
    await repo.insertNdaAcceptance(tx.db, {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      nda_version: nda.version,
      name: input.name,
      email: input.email,
      company: input.company,
      ip: ctx.ip,
      accepted_at: tx.now().toISOString(),
    });
    await logAccess(tx.db, tx.organisation.id, tx.now(), {
      kind: 'nda_accept',
      email: input.email,
      ip: ctx.ip,
      details: { name: input.name, company: input.company, ndaVersion: nda.version },
    });
    await notifyOwners(
      tx,
      `Trust page: ${input.email} accepted the NDA`,
      `${input.name} (${input.email}, ${input.company}) accepted NDA version ${nda.version} on the trust page ` +
        `of ${tx.organisation.name} at ${tx.now().toISOString()} from ${ctx.ip}.\n\nAccess log: ${adminUrl(tx)}\n`,
    );
    const s = ctx.session;
    // A verified session keeps its proven email; the NDA acceptance is added to it.
    if (s) {
      await access.updateSession(tx.db, tx.organisation.id, s.id, {
        nda_version: nda.version,
        ...(Number(s.email_verified) ? {} : { email: input.email, name: input.name, company: input.company }),
      });
      return null;
    }
    return newSession(
      { ...ctx, db: tx.db },
      {
        email: input.email,
        name: input.name,
        company: input.company,
        email_verified: 0,
        nda_version: nda.version,
        link_id: null,
      },
    );
  });
}

export async function requestAccess(input: z.infer<typeof accessRequestInput>, ctx: VisitorCtx) {
  authorize(ctx, 'trust.request_access');
  const doc = input.documentId
    ? await repo.findDocument(ctx.db, ctx.organisation.id, input.documentId)
    : null;
  if (input.documentId && (!doc || doc.access_level === 'private')) throw notFound('trust document');
  const json = pageJson(ctx.page);
  const rule = autoApproval(input.email, { domains: json.autoApproveDomains, customers: json.customers });
  return inTransaction(ctx, async (tx) => {
    const at = tx.now();
    const row = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      document_id: doc?.id ?? null,
      name: input.name,
      email: input.email,
      company: input.company,
      message: input.message,
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decision_reason: '',
      created_at: at.toISOString(),
    };
    await access.insertRequest(tx.db, row);
    // The visitor's name, address and message stay out of the payload: members read them in the queue.
    await emitWebhookEvent(tx, {
      type: 'trust_request.received',
      subjectKey: null,
      subjects: [
        {
          kind: 'trustRequest',
          id: row.id,
          fields: ['documentId', 'documentTitle', 'company', 'status', 'createdAt'],
          presented: presentRequest(row, doc?.title ?? null),
        },
      ],
    });
    const document = doc ? { id: doc.id, title: doc.title } : null;
    await logAccess(tx.db, tx.organisation.id, at, {
      kind: 'request',
      document,
      email: input.email,
      ip: ctx.ip,
      details: { name: input.name, company: input.company, message: input.message },
    });
    // An existing grant (person or company) also answers at once: the mail proves the address.
    // A request for every document needs a grant for every document (no id matches the empty one).
    const granted = (
      await access.grantsFor(tx.db, tx.organisation.id, input.email, emailDomain(input.email))
    ).find((g) => {
      const grant = toGrant(g);
      return isLive(grant, at) && grantCovers(grant, input.email, doc?.id ?? '');
    });
    const by = rule
      ? `automatic (${rule.reason === 'domain' ? `domain ${rule.domain}` : `customer ${rule.customer}`})`
      : granted
        ? `automatic (existing grant to ${granted.subject})`
        : null;
    if (by) {
      await approveInTx(tx, row, { by, reason: '', expiresAt: granted?.expires_at ?? null });
      return { status: 'approved' as const };
    }
    await notifyOwners(
      tx,
      `Trust page: ${input.email} requests ${doc?.title ?? 'access to the documents'}`,
      `${input.name} (${input.email}, ${input.company}) asks for ${doc?.title ?? 'all on-request documents'}.\n` +
        `${input.message ? `Message: ${input.message}\n` : ''}\nApprove or deny: ${adminUrl(tx)}\n`,
    );
    return { status: 'pending' as const };
  });
}

/** The single-use link from an invitation or approval mail: proves the email, then it is spent. */
export async function signIn(input: { token: string }, ctx: VisitorCtx) {
  authorize(ctx, 'trust.visit');
  const row = await access.signInByHash(ctx.db, ctx.organisation.id, hashToken(input.token));
  if (!row || row.used_at !== null || Date.parse(row.expires_at) <= ctx.now().getTime())
    throw notFound('sign-in link');
  return inTransaction(ctx, async (tx) => {
    if (!(await access.consumeSignIn(tx.db, tx.organisation.id, row.id, tx.now().toISOString())))
      throw notFound('sign-in link');
    await logAccess(tx.db, tx.organisation.id, tx.now(), { kind: 'sign_in', email: row.email, ip: ctx.ip });
    return newSession(
      { ...ctx, db: tx.db },
      {
        email: row.email,
        name: '',
        company: '',
        email_verified: 1,
        nda_version: ctx.session?.nda_version ?? null,
        link_id: null,
      },
    );
  });
}

export async function openLink(input: z.infer<typeof linkOpenInput>, ctx: VisitorCtx) {
  authorize(ctx, 'trust.visit');
  const link = await access.linkByHash(ctx.db, ctx.organisation.id, hashToken(input.token));
  if (!link || !isLive({ expiresAt: link.expires_at, revokedAt: link.revoked_at }, ctx.now()))
    throw notFound('share link');
  if (link.passcode_hash && !(input.passcode && passcodeMatches(input.passcode, link.passcode_hash)))
    throw new AppError('unauthenticated', 'this link needs its passcode');
  return inTransaction(ctx, async (tx) => {
    await access.touchLink(tx.db, tx.organisation.id, link.id, tx.now().toISOString());
    await logAccess(tx.db, tx.organisation.id, tx.now(), {
      kind: 'link_open',
      email: input.email,
      ip: ctx.ip,
      details: { label: link.label, name: input.name, company: input.company },
    });
    return newSession(
      { ...ctx, db: tx.db },
      {
        email: input.email,
        name: input.name,
        company: input.company,
        email_verified: 0,
        nda_version: null,
        link_id: link.id,
      },
    );
  });
}

export async function signOut(token: string | null, ctx: VisitorCtx) {
  authorize(ctx, 'trust.visit');
  if (token) await access.deleteSession(ctx.db, ctx.organisation.id, hashToken(token));
}

/** A download the visitor may take; nda and request documents come watermarked with who and when. */
export async function download(input: { documentId: string }, ctx: VisitorCtx) {
  authorize(ctx, 'trust.visit');
  const doc = await repo.findDocument(ctx.db, ctx.organisation.id, input.documentId);
  if (!doc) throw notFound('trust document');
  const level = doc.access_level as AccessLevel;
  const nda = await currentNda(ctx);
  if (decideAccess({ id: doc.id, level }, ctx.visitor.viewer, nda?.version ?? null, ctx.now()) !== 'granted')
    throw notFound('trust document');
  const content = await documentContent(doc, ctx);
  const confidential = level === 'nda' || level === 'request';
  const email = ctx.visitor.viewer.email ?? 'anonymous';
  const at = ctx.now();
  const bytes = confidential
    ? await stampPdf(content.bytes, watermarkLine(email, at, ctx.organisation.name))
    : content.bytes;
  await logAccess(ctx.db, ctx.organisation.id, at, {
    kind: 'download',
    document: { id: doc.id, title: doc.title },
    email: ctx.visitor.viewer.email,
    ip: ctx.ip,
    details: { level, watermarked: confidential, viaLink: ctx.visitor.viaLink },
  });
  return { ...content, bytes, confidential };
}
