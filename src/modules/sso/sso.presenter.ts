import type { SsoConnectionTable } from '../../db/schema-sso.ts';

// What leaves of an SSO connection: never the client secret, only whether one is set.
export function presentConnection(
  row: SsoConnectionTable & { issuer: string; oidcConfig: string | null },
  publicUrl: string,
) {
  const oidc = row.oidcConfig
    ? (JSON.parse(row.oidcConfig) as {
        clientId?: string;
        clientSecret?: string;
        scopes?: string[];
        pkce?: boolean;
      })
    : {};
  return {
    providerId: row.provider_id,
    protocol: row.protocol,
    issuer: row.issuer,
    clientId: oidc.clientId ?? null,
    clientSecretSet: Boolean(oidc.clientSecret),
    domain: row.domain,
    scopes: oidc.scopes ?? [],
    pkce: oidc.pkce ?? false,
    jitRole: row.jit_role,
    ssoRequired: row.sso_required === 1,
    redirectUri: `${publicUrl}/api/auth/sso/callback/${row.provider_id}`,
    updatedAt: row.updated_at,
  };
}
