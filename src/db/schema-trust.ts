// Table shapes of the trust page (migration 0008, issue #8); merged into `Database` at the end of
// schema.ts. Secrets (share links, sign-in links, visitor sessions) are stored only as SHA-256 hashes,
// passcodes as scrypt hashes.

export interface TrustPageTable {
  organisation_id: string;
  title: string;
  overview: string;
  contact_email: string;
  primary_color: string;
  logo_data_url: string;
  faq_json: string;
  frameworks_json: string;
  auto_approve_domains_json: string;
  customers_json: string;
  custom_domain: string;
  show_certificates: number;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrustDocumentTable {
  id: string;
  organisation_id: string;
  title: string;
  description: string;
  category: string;
  access_level: string;
  /** `upload` (bytes in the content store) or `soa_summary` (rendered from the current SoA on demand). */
  source: string;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  position: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface TrustNdaVersionTable {
  id: string;
  organisation_id: string;
  version: number;
  text: string;
  created_by: string;
  created_at: string;
}

export interface TrustNdaAcceptanceTable {
  id: string;
  organisation_id: string;
  nda_version: number;
  name: string;
  email: string;
  company: string;
  ip: string;
  accepted_at: string;
}

export interface TrustVisitorSessionTable {
  id: string;
  organisation_id: string;
  token_hash: string;
  email: string | null;
  name: string;
  company: string;
  email_verified: number;
  nda_version: number | null;
  link_id: string | null;
  created_at: string;
  expires_at: string;
}

export interface TrustAccessRequestTable {
  id: string;
  organisation_id: string;
  document_id: string | null;
  name: string;
  email: string;
  company: string;
  message: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string;
  created_at: string;
}

export interface TrustGrantTable {
  id: string;
  organisation_id: string;
  subject_kind: string;
  subject: string;
  document_id: string | null;
  expires_at: string | null;
  request_id: string | null;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

export interface TrustLinkTable {
  id: string;
  organisation_id: string;
  token_hash: string;
  label: string;
  document_id: string | null;
  passcode_hash: string | null;
  expires_at: string | null;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface TrustSignInTable {
  id: string;
  organisation_id: string;
  token_hash: string;
  email: string;
  expires_at: string;
  used_at: string | null;
  created_by: string;
  created_at: string;
}

export interface TrustAccessEventTable {
  id: string;
  organisation_id: string;
  document_id: string | null;
  document_title: string;
  kind: string;
  email: string | null;
  ip: string | null;
  details_json: string;
  at: string;
}

export interface TrustTables {
  trust_page: TrustPageTable;
  trust_document: TrustDocumentTable;
  trust_nda_version: TrustNdaVersionTable;
  trust_nda_acceptance: TrustNdaAcceptanceTable;
  trust_visitor_session: TrustVisitorSessionTable;
  trust_access_request: TrustAccessRequestTable;
  trust_grant: TrustGrantTable;
  trust_link: TrustLinkTable;
  trust_sign_in: TrustSignInTable;
  trust_access_event: TrustAccessEventTable;
}
