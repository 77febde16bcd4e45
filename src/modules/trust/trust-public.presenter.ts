import type { z } from 'zod';
import type { customer, faqItem, framework, publicTrustPage } from '../../contracts/trust.ts';
import type { CertificateTable, TrustDocumentTable, TrustPageTable } from '../../db/schema.ts';
import { type AccessLevel, decideAccess, type Viewer } from '../../domain/trust/access.ts';
import { effectiveStatus } from '../certificates/index.ts';

// The trust page's OWN public presenter: the only code deciding which fields reach a visitor. It builds
// each object field by field from an allow-list (never spreading a row), drops private documents, and
// names a file only when the visitor may open it. No member, owner email, storage key or hash leaves.

type PublicPage = z.infer<typeof publicTrustPage>;

export const pageJson = (p: TrustPageTable) => ({
  faq: JSON.parse(p.faq_json) as z.infer<typeof faqItem>[],
  frameworks: JSON.parse(p.frameworks_json) as z.infer<typeof framework>[],
  autoApproveDomains: JSON.parse(p.auto_approve_domains_json) as string[],
  customers: JSON.parse(p.customers_json) as z.infer<typeof customer>[],
});

export interface VisitorView {
  viewer: Viewer;
  name: string;
  viaLink: boolean;
  /** false for anonymous visitors (no session). */
  identified: boolean;
}

export function presentPublicPage(input: {
  organisation: string;
  page: TrustPageTable;
  documents: TrustDocumentTable[];
  certificates: CertificateTable[];
  nda: { version: number; text: string } | null;
  visitor: VisitorView;
  now: Date;
  preview: boolean;
}): PublicPage {
  const { page, visitor, now } = input;
  const json = pageJson(page);
  const today = now.toISOString().slice(0, 10);
  const documents: PublicPage['documents'] = [];
  for (const d of input.documents) {
    const level = d.access_level as AccessLevel;
    const access = decideAccess({ id: d.id, level }, visitor.viewer, input.nda?.version ?? null, now);
    if (access === 'hidden' || level === 'private') continue;
    const granted = access === 'granted';
    documents.push({
      id: d.id,
      title: d.title,
      description: d.description,
      category: d.category as PublicPage['documents'][number]['category'],
      accessLevel: level,
      access,
      fileName: granted ? (d.file_name ?? `${d.title}.pdf`) : null,
      sizeBytes: granted ? (d.size_bytes === null ? null : Number(d.size_bytes)) : null,
    });
  }
  return {
    organisation: input.organisation,
    title: page.title,
    overview: page.overview,
    contactEmail: page.contact_email,
    primaryColor: page.primary_color,
    logoDataUrl: page.logo_data_url,
    faq: json.faq.map((f) => ({ question: f.question, answer: f.answer })),
    frameworks: json.frameworks.map((f) => ({ name: f.name, status: f.status, note: f.note })),
    certificates: Number(page.show_certificates)
      ? input.certificates.map((c) => ({
          standard: c.standard,
          edition: c.edition,
          number: c.number,
          certificationBody: c.certification_body,
          scope: c.scope,
          issuedOn: c.issued_on,
          expiresOn: c.expires_on,
          // Live from the certification record: a lapsed or suspended certificate says so.
          status: effectiveStatus(c, today),
        }))
      : [],
    documents,
    nda: input.nda ? { version: input.nda.version, text: input.nda.text } : null,
    visitor: visitor.identified
      ? {
          email: visitor.viewer.email,
          name: visitor.name,
          verified: visitor.viewer.emailVerified,
          ndaVersion: visitor.viewer.ndaVersion,
          viaLink: visitor.viaLink,
        }
      : null,
    preview: input.preview,
  };
}
