import { randomUUID } from 'node:crypto';
import { notFound } from '../../contracts/errors.ts';
import type { DatabaseKind, Db } from '../../db/connection.ts';
import type { TrustGrantTable, TrustPageTable, TrustVisitorSessionTable } from '../../db/schema.ts';
import { generateToken, hashToken } from '../../domain/secrets/token.ts';
import { anonymous, emailDomain, type Grant, isLive } from '../../domain/trust/access.ts';
import type { ContentStore } from '../../storage/content-store.ts';
import { type AppEnv, makeContext, type OrgContext } from '../context.ts';
import * as repo from './trust.repository.ts';
import * as access from './trust-access.repository.ts';
import type { VisitorView } from './trust-public.presenter.ts';

// Who a trust page visitor is. Visitors are not accounts: a session is a random token in an HttpOnly
// cookie scoped to the page's API path, stored hashed, tied to an NDA clickwrap record, a verified email
// (single-use sign-in link) or a share link (and dies with that link).

export const SESSION_DAYS = 7;

/** A stored grant as the access rule reads it. */
export const toGrant = (g: TrustGrantTable): Grant => ({
  subjectKind: g.subject_kind as Grant['subjectKind'],
  subject: g.subject,
  documentId: g.document_id,
  expiresAt: g.expires_at,
  revokedAt: g.revoked_at,
});

export interface PublicDeps {
  db: Db;
  kind: DatabaseKind;
  env: AppEnv;
  store: ContentStore;
}

export interface VisitorCtx extends OrgContext {
  page: TrustPageTable;
  ip: string;
  store: ContentStore;
  session: TrustVisitorSessionTable | null;
  visitor: VisitorView;
}

/** The published page behind a slug, and who the visitor is (from the session cookie's token). */
export async function visitorContext(
  slug: string,
  sessionToken: string | null,
  ip: string,
  deps: PublicDeps,
): Promise<VisitorCtx> {
  const row = await repo.publishedPageBySlug(deps.db, slug);
  if (!row) throw notFound('trust page');
  const { org_id, org_slug, org_name, ...page } = row;
  const now = new Date();
  const base = makeContext({ kind: 'visitor' }, { id: org_id, slug: org_slug, name: org_name }, deps);
  let session = sessionToken
    ? await access.sessionByHash(deps.db, org_id, hashToken(sessionToken), now.toISOString())
    : null;
  let visitor: VisitorView = { viewer: anonymous, name: '', viaLink: false, identified: false };
  let link = null;
  if (session?.link_id) {
    const l = await access.findLink(deps.db, org_id, session.link_id);
    // A revoked or expired link ends the sessions it opened, at once.
    if (l && isLive({ expiresAt: l.expires_at, revokedAt: l.revoked_at }, now))
      link = { documentId: l.document_id, expiresAt: l.expires_at, revokedAt: l.revoked_at };
    else session = undefined;
  }
  if (session) {
    const verified = Boolean(Number(session.email_verified));
    const grants =
      verified && session.email
        ? (await access.grantsFor(deps.db, org_id, session.email, emailDomain(session.email))).map(toGrant)
        : [];
    visitor = {
      viewer: {
        email: session.email,
        emailVerified: verified,
        ndaVersion: session.nda_version === null ? null : Number(session.nda_version),
        grants,
        link,
      },
      name: session.name,
      viaLink: link !== null,
      identified: true,
    };
  }
  return { ...base, page, ip, store: deps.store, session: session ?? null, visitor };
}

export async function newSession(
  ctx: VisitorCtx,
  fields: Pick<
    TrustVisitorSessionTable,
    'email' | 'name' | 'company' | 'email_verified' | 'nda_version' | 'link_id'
  >,
) {
  const token = generateToken('tvs_');
  const now = ctx.now();
  // Expired sessions of this page go when a new one starts: the table holds live sessions only.
  await access.deleteExpiredSessions(ctx.db, ctx.organisation.id, now.toISOString());
  await access.insertSession(ctx.db, {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    token_hash: hashToken(token),
    ...fields,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
  });
  return token;
}

/** For the HTML shell of `/trust/<slug>/s/<token>` and `/i/<token>`: a dead link answers 404 there too. */
export async function capabilityIsLive(db: Db, slug: string, kind: 's' | 'i', token: string, now: Date) {
  const row = await repo.publishedPageBySlug(db, slug);
  if (!row) return false;
  if (kind === 's') {
    const l = await access.linkByHash(db, row.org_id, hashToken(token));
    return Boolean(l && isLive({ expiresAt: l.expires_at, revokedAt: l.revoked_at }, now));
  }
  const s = await access.signInByHash(db, row.org_id, hashToken(token));
  return Boolean(s && s.used_at === null && Date.parse(s.expires_at) > now.getTime());
}

/**
 * A custom domain (e.g. trust.example.com, a CNAME to this server) leads to the page on the public URL,
 * so that the visitor's session cookie and the Origin check keep one origin.
 */
export async function customDomainRedirect(db: Db, host: string, publicUrl: string): Promise<string | null> {
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  if (!hostname || hostname === new URL(publicUrl).hostname) return null;
  const slug = await repo.slugByCustomDomain(db, hostname);
  return slug ? `${publicUrl}/trust/${slug}` : null;
}
