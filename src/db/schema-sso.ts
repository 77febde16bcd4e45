import type { Role } from '../vocabulary/index.ts';
// Single sign-on (migration 0021): better-auth's SSO plugin table and closeloop's settings around it.
export interface SsoProviderTable {
  id: string;
  issuer: string;
  oidcConfig: string | null;
  samlConfig: string | null;
  userId: string | null;
  providerId: string;
  organizationId: string | null;
  domain: string;
}

export interface SsoConnectionTable {
  id: string;
  organisation_id: string;
  provider_id: string;
  protocol: 'oidc' | 'saml';
  domain: string;
  jit_role: Role | null;
  sso_required: number;
  enabled: number;
  /** SAML: tolerance for NotBefore / NotOnOrAfter (migration 0023); null for OIDC. */
  clock_skew_seconds: number | null;
  /** SAML: where the IdP metadata was read from, when it came from a URL (migration 0023). */
  metadata_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface SsoTables {
  ssoProvider: SsoProviderTable;
  sso_connection: SsoConnectionTable;
}

// Merged into the one `Database` of schema.ts (kept under its size limit) by module augmentation.
declare module './schema.ts' {
  interface Database extends SsoTables {}
}
