// Who may open a document of the trust page (issue #8; ISO 27001 A.5.14 information transfer, A.5.15
// access control). Pure: the caller gathers the visitor's NDA acceptance, grants and share link, this
// decides. A `private` document never leaves the organisation; nothing is granted after its expiry.

export const accessLevels = ['public', 'nda', 'request', 'private'] as const;
export type AccessLevel = (typeof accessLevels)[number];

export type Decision = 'granted' | 'needs_nda' | 'needs_request' | 'hidden';

/** Access given by a member (or an approval) to one person or a whole company, for one document or all. */
export interface Grant {
  subjectKind: 'email' | 'domain';
  subject: string;
  /** null: every `nda` and `request` document of the page. */
  documentId: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** A direct share link the visitor opened (a capability: holding it is the permission). */
export interface LinkScope {
  documentId: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface Viewer {
  email: string | null;
  /** Proven by a single-use sign-in link; an email typed into the NDA form is not proof. */
  emailVerified: boolean;
  /** Version of the organisation's NDA the visitor accepted by clickwrap, if any. */
  ndaVersion: number | null;
  grants: Grant[];
  link: LinkScope | null;
}

export const anonymous: Viewer = {
  email: null,
  emailVerified: false,
  ndaVersion: null,
  grants: [],
  link: null,
};

/** Live = not revoked and not past its expiry (an expiry equal to now has passed). */
export function isLive(x: { expiresAt: string | null; revokedAt: string | null }, now: Date): boolean {
  if (x.revokedAt !== null) return false;
  return x.expiresAt === null || Date.parse(x.expiresAt) > now.getTime();
}

export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

const normalise = (s: string) => s.trim().toLowerCase();

/** Does the grant cover this (verified) email for this document? */
export function grantCovers(g: Grant, email: string, documentId: string): boolean {
  if (g.documentId !== null && g.documentId !== documentId) return false;
  if (g.subjectKind === 'email') return normalise(g.subject) === normalise(email);
  return normalise(g.subject) === emailDomain(email);
}

export function decideAccess(
  doc: { id: string; level: AccessLevel },
  viewer: Viewer,
  currentNdaVersion: number | null,
  now: Date,
): Decision {
  if (doc.level === 'private') return 'hidden';
  if (doc.level === 'public') return 'granted';
  const link = viewer.link;
  if (link && isLive(link, now) && (link.documentId === null || link.documentId === doc.id)) return 'granted';
  const email = viewer.email;
  if (
    email &&
    viewer.emailVerified &&
    viewer.grants.some((g) => isLive(g, now) && grantCovers(g, email, doc.id))
  )
    return 'granted';
  if (doc.level === 'nda') {
    // A new NDA version must be accepted again: the visitor agreed to the text in force at that time.
    const accepted = viewer.ndaVersion !== null && viewer.ndaVersion === currentNdaVersion;
    return accepted ? 'granted' : 'needs_nda';
  }
  return 'needs_request';
}

export interface AutoApprovalRules {
  domains: string[];
  customers: { name: string; domain: string }[];
}

export type AutoApproval =
  | { reason: 'domain'; domain: string }
  | { reason: 'customer'; customer: string }
  | null;

/**
 * Requests approved without a member: the requester's email domain is one the organisation chose, or
 * belongs to a listed customer. Exact domain match only: `evil-example.com` is not `example.com`.
 */
export function autoApproval(email: string, rules: AutoApprovalRules): AutoApproval {
  const domain = emailDomain(email);
  if (!domain) return null;
  if (rules.domains.some((d) => normalise(d) === domain)) return { reason: 'domain', domain };
  const customer = rules.customers.find((c) => normalise(c.domain) === domain);
  return customer ? { reason: 'customer', customer: customer.name } : null;
}

/** The line stamped on every page of a watermarked download. */
export function watermarkLine(email: string, at: Date, organisation: string): string {
  return `${email} · ${at.toISOString().replace(/\.\d+Z$/, 'Z')} · ${organisation} — confidential`;
}
