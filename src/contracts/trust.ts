import { z } from 'zod';
import {
  frameworkStatuses,
  frameworkStatusLabels,
  trustAccessLevelLabels,
  trustAccessLevels,
  trustCategories,
  trustCategoryLabels,
} from '../vocabulary/trust.ts';
import { id, isoDate, isoDateTime, paged } from './common.ts';

// The trust page (issue #8): what an organisation publishes to prospects and customers. Admin schemas
// first, then the public ones: the public schemas are the only shapes that leave the server for a
// visitor, and they carry no internal field (no owner emails, storage keys, hashes or member ids).

export {
  frameworkStatuses,
  frameworkStatusLabels,
  trustAccessLevelLabels,
  trustAccessLevels,
  trustCategories,
  trustCategoryLabels,
};
export const trustAccessLevel = z.enum(trustAccessLevels);

const visitorEmail = z.string().trim().toLowerCase().email('must be an email address').max(254);
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a domain such as example.com');
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');
// A small PNG or JPEG inline: the page needs no second request, and CSP allows data: images only.
const logo = z
  .string()
  .max(200_000)
  .regex(/^(data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+)?$/, 'a PNG or JPEG data URL');

export const faqItem = z.object({
  question: z.string().trim().min(1).max(300),
  answer: z.string().trim().max(4000),
});
export const framework = z.object({
  name: z.string().trim().min(1).max(100),
  status: z.enum(frameworkStatuses),
  note: z.string().trim().max(300),
});
export const customer = z.object({ name: z.string().trim().min(1).max(200), domain });

/** The whole editable page (a PUT: every field is sent, so nothing is re-defaulted behind the editor). */
export const trustPageInput = z.object({
  title: z.string().trim().min(1).max(200),
  overview: z.string().max(10_000),
  contactEmail: z.union([visitorEmail, z.literal('')]),
  primaryColor: hexColour,
  logoDataUrl: logo,
  faq: z.array(faqItem).max(50),
  frameworks: z.array(framework).max(30),
  autoApproveDomains: z.array(domain).max(50),
  customers: z.array(customer).max(500),
  customDomain: z.union([domain, z.literal('')]),
  showCertificates: z.boolean(),
});
export const trustPage = trustPageInput.extend({
  publishedAt: isoDateTime.nullable(),
  publicUrl: z.string(),
  updatedAt: isoDateTime,
});

export const trustDocument = z.object({
  id,
  title: z.string(),
  description: z.string(),
  category: z.enum(trustCategories),
  accessLevel: trustAccessLevel,
  source: z.enum(['upload', 'soa_summary']),
  fileName: z.string().nullable(),
  mediaType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  position: z.number().int(),
  createdBy: z.string(),
  updatedAt: isoDateTime,
});
export const trustDocumentUpdate = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(2000).optional(),
  category: z.enum(trustCategories).optional(),
  accessLevel: trustAccessLevel.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const generatedDocumentInput = z.object({
  source: z.literal('soa_summary'),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(2000).default(''),
  accessLevel: trustAccessLevel,
});

export const trustRequest = z.object({
  id,
  documentId: z.string().nullable(),
  documentTitle: z.string().nullable(),
  name: z.string(),
  email: z.string(),
  company: z.string(),
  message: z.string(),
  status: z.enum(['pending', 'approved', 'denied']),
  decidedBy: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  decisionReason: z.string(),
  createdAt: isoDateTime,
});
export const requestDecision = z.object({
  decision: z.enum(['approve', 'deny']),
  reason: z.string().trim().max(2000).default(''),
  expiresOn: isoDate.nullable().default(null),
});

export const trustGrant = z.object({
  id,
  subjectKind: z.enum(['email', 'domain']),
  subject: z.string(),
  documentId: z.string().nullable(),
  documentTitle: z.string().nullable(),
  expiresAt: isoDateTime.nullable(),
  createdBy: z.string(),
  createdAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
  live: z.boolean(),
});
export const grantInput = z.object({
  subjectKind: z.enum(['email', 'domain']),
  subject: z.string().trim().toLowerCase().min(3).max(254),
  documentId: id.nullable().default(null),
  expiresOn: isoDate.nullable().default(null),
  /** For a person: mail a single-use sign-in link now. */
  invite: z.boolean().default(false),
});

export const trustLink = z.object({
  id,
  label: z.string(),
  documentId: z.string().nullable(),
  documentTitle: z.string().nullable(),
  hasPasscode: z.boolean(),
  expiresAt: isoDateTime.nullable(),
  createdBy: z.string(),
  createdAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  live: z.boolean(),
});
export const linkInput = z.object({
  label: z.string().trim().min(1).max(200),
  documentId: id.nullable().default(null),
  expiresOn: isoDate.nullable().default(null),
  passcode: z.string().min(6).max(128).nullable().default(null),
});
/** The link's address is shown once, at creation: only its hash is kept. */
export const createdLink = trustLink.extend({ url: z.string() });

export const ndaVersion = z.object({
  version: z.number().int(),
  text: z.string(),
  createdBy: z.string(),
  createdAt: isoDateTime,
});
export const ndaInput = z.object({ text: z.string().trim().min(20).max(50_000) });

export const accessEventKinds = [
  'page_view',
  'download',
  'nda_accept',
  'request',
  'approve',
  'deny',
  'grant',
  'grant_revoke',
  'invite',
  'sign_in',
  'link_open',
  'link_revoke',
] as const;
export const accessEvent = z.object({
  id,
  at: isoDateTime,
  kind: z.enum(accessEventKinds),
  documentId: z.string().nullable(),
  documentTitle: z.string(),
  email: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const accessLogQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  documentId: id.optional(),
  email: z.string().max(254).optional(),
});
export const accessLog = paged(accessEvent);

// ---- public (visitor) shapes ----

export const publicDocument = z.object({
  id,
  title: z.string(),
  description: z.string(),
  category: z.enum(trustCategories),
  accessLevel: z.enum(['public', 'nda', 'request']),
  access: z.enum(['granted', 'needs_nda', 'needs_request']),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
});
export const publicCertificate = z.object({
  standard: z.string(),
  edition: z.string(),
  number: z.string(),
  certificationBody: z.string(),
  scope: z.string(),
  issuedOn: isoDate,
  expiresOn: isoDate,
  status: z.enum(['valid', 'expired', 'suspended', 'withdrawn']),
});
export const publicTrustPage = z.object({
  organisation: z.string(),
  title: z.string(),
  overview: z.string(),
  contactEmail: z.string(),
  primaryColor: z.string(),
  logoDataUrl: z.string(),
  faq: z.array(faqItem),
  frameworks: z.array(framework),
  certificates: z.array(publicCertificate),
  documents: z.array(publicDocument),
  nda: z.object({ version: z.number().int(), text: z.string() }).nullable(),
  visitor: z
    .object({
      email: z.string().nullable(),
      name: z.string(),
      verified: z.boolean(),
      ndaVersion: z.number().int().nullable(),
      viaLink: z.boolean(),
    })
    .nullable(),
  preview: z.boolean(),
});
export const ndaAcceptance = z.object({
  name: z.string().trim().min(1).max(200),
  email: visitorEmail,
  company: z.string().trim().min(1).max(200),
  version: z.number().int().min(1),
  accept: z.literal(true, { error: 'tick the box to accept the NDA' }),
});
export const accessRequestInput = z.object({
  name: z.string().trim().min(1).max(200),
  email: visitorEmail,
  company: z.string().trim().min(1).max(200),
  documentId: id.nullable().default(null),
  message: z.string().trim().max(2000).default(''),
});
export const accessRequestAnswer = z.object({ status: z.enum(['pending', 'approved']) });
export const signInInput = z.object({ token: z.string().min(20).max(200) });
export const linkOpenInput = z.object({
  token: z.string().min(20).max(200),
  passcode: z.string().max(128).optional(),
  name: z.string().trim().min(1).max(200),
  email: visitorEmail,
  company: z.string().trim().max(200).default(''),
});
export const trustPublicParams = z.object({ slug: z.string().min(1).max(64) });
