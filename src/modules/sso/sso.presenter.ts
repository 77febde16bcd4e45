import type { SsoConnectionTable } from '../../db/schema-sso.ts';
import { secretIsSet } from '../../domain/secrets/sso-config.ts';

type Config = Record<string, unknown>;
const parsed = (text: string | null): Config => (text ? (JSON.parse(text) as Config) : {});

/** Where the IdP reaches closeloop for a SAML connection: entity id (Audience), ACS (Recipient), metadata. */
export function samlEndpoints(publicUrl: string, providerId: string) {
  const base = `${publicUrl}/api/auth/sso/saml2/sp`;
  const spMetadataUrl = `${base}/metadata?providerId=${providerId}`;
  return { spEntityId: spMetadataUrl, acsUrl: `${base}/acs/${providerId}`, spMetadataUrl };
}

// What leaves of an SSO connection: never the client secret or a key, only whether a secret is set.
export function presentConnection(
  row: SsoConnectionTable & { issuer: string; oidcConfig: string | null; samlConfig: string | null },
  publicUrl: string,
) {
  const oidc = parsed(row.oidcConfig) as Config & { clientId?: string; scopes?: string[]; pkce?: boolean };
  const saml = parsed(row.samlConfig) as Config & { entryPoint?: string };
  const endpoints = samlEndpoints(publicUrl, row.provider_id);
  return {
    providerId: row.provider_id,
    protocol: row.protocol,
    issuer: row.issuer,
    clientId: oidc.clientId ?? null,
    clientSecretSet: secretIsSet(oidc, 'clientSecret'),
    domain: row.domain,
    scopes: oidc.scopes ?? [],
    pkce: oidc.pkce ?? false,
    jitRole: row.jit_role,
    ssoRequired: row.sso_required === 1,
    redirectUri:
      row.protocol === 'saml' ? endpoints.acsUrl : `${publicUrl}/api/auth/sso/callback/${row.provider_id}`,
    saml:
      row.protocol === 'saml'
        ? {
            idpEntityId: row.issuer,
            idpSsoUrl: saml.entryPoint ?? null,
            idpMetadataUrl: row.metadata_url,
            ...endpoints,
            signedAssertionsRequired: true as const,
            clockSkewSeconds: row.clock_skew_seconds ?? 0,
          }
        : null,
    updatedAt: row.updated_at,
  };
}
