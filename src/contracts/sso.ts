import { z } from 'zod';
import { orgParams } from './common.ts';
import { role } from './roles.ts';

// Single sign-on settings of an organisation (issue #20). The client secret goes in, never out.
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(253)
  .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'an email domain such as example.com')
  .describe('email domain whose people sign in through this provider');

// OAuth 2.0 scope tokens (RFC 6749 §3.3).
const scopeList = z
  .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/))
  .min(1)
  .max(20);

export const oidcConnectionRequest = z.object({
  issuer: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .describe('issuer URL; its discovery document is read'),
  clientId: z.string().trim().min(1).max(500),
  clientSecret: z.string().min(1).max(2000).describe('write-only: never returned'),
  domain,
  scopes: scopeList.default(['openid', 'email', 'profile']),
  pkce: z.boolean().default(true),
  jitRole: role.nullable().describe('role given on first sign-in; null = invitation-only'),
  ssoRequired: z
    .boolean()
    .default(false)
    .describe('members must sign in through SSO (admins keep password + TOTP)'),
});
export type OidcConnectionRequest = z.infer<typeof oidcConnectionRequest>;

/** An edit of a connection: every field optional; a client secret left out keeps the one stored. */
export const oidcConnectionUpdate = z.object({
  issuer: oidcConnectionRequest.shape.issuer.optional(),
  clientId: oidcConnectionRequest.shape.clientId.optional(),
  clientSecret: z.string().min(1).max(2000).optional().describe('write-only: omit to keep the stored one'),
  domain: domain.optional(),
  scopes: scopeList.optional(),
  pkce: z.boolean().optional(),
  jitRole: role.nullable().optional(),
  ssoRequired: z.boolean().optional(),
});
export type OidcConnectionUpdate = z.infer<typeof oidcConnectionUpdate>;

export const ssoProviderParams = orgParams.extend({
  providerId: z
    .string()
    .max(100)
    .regex(/^[a-z0-9-]+$/)
    .describe('the connection, as in its redirect URI'),
});

/**
 * SAML 2.0 (issue #20): the identity provider's metadata, as a URL closeloop reads when the admin saves,
 * or as the XML itself. Assertions must always be signed by the certificate in that metadata; audience
 * and recipient must name closeloop's entity id and ACS URL; the clock skew bounds NotBefore/NotOnOrAfter.
 */
export const samlConnectionRequest = z
  .object({
    idpMetadataUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .describe('the IdP metadata URL; read once when saved (https, or an origin the operator allowed)'),
    idpMetadataXml: z
      .string()
      .min(1)
      .max(200_000)
      .optional()
      .describe('the IdP metadata XML (EntityDescriptor with IDPSSODescriptor and signing certificate)'),
    domain,
    jitRole: role.nullable().describe('role given on first sign-in; null = invitation-only'),
    ssoRequired: z
      .boolean()
      .default(false)
      .describe('members must sign in through SSO (admins keep password + TOTP)'),
    clockSkewSeconds: z
      .number()
      .int()
      .min(0)
      .max(300)
      .default(60)
      .describe('tolerance for NotBefore / NotOnOrAfter against this server’s clock'),
  })
  .superRefine((v, ctx) => {
    if ((v.idpMetadataUrl === undefined) === (v.idpMetadataXml === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['idpMetadataUrl'],
        message: 'give exactly one of idpMetadataUrl or idpMetadataXml',
      });
  });
export type SamlConnectionRequest = z.infer<typeof samlConnectionRequest>;

const samlSettings = z.object({
  idpEntityId: z.string(),
  idpSsoUrl: z.string().nullable(),
  idpMetadataUrl: z.string().nullable(),
  spEntityId: z.string().describe('give the IdP this entity id (the Audience of its assertions)'),
  acsUrl: z.string().describe('give the IdP this Assertion Consumer Service URL (HTTP-POST; Recipient)'),
  spMetadataUrl: z.string().describe('or give the IdP this metadata URL, which carries both'),
  signedAssertionsRequired: z.literal(true),
  clockSkewSeconds: z.number().int(),
});

export const ssoConnection = z.object({
  providerId: z.string(),
  protocol: z.enum(['oidc', 'saml']),
  issuer: z.string(),
  clientId: z.string().nullable(),
  clientSecretSet: z.boolean(),
  domain: z.string(),
  scopes: z.array(z.string()),
  pkce: z.boolean(),
  jitRole: role.nullable(),
  ssoRequired: z.boolean(),
  redirectUri: z
    .string()
    .describe(
      'register this redirect URI (OIDC) or Assertion Consumer Service URL (SAML) at the identity provider',
    ),
  saml: samlSettings.nullable().describe('SAML settings; null for an OpenID Connect connection'),
  updatedAt: z.string(),
});
export const ssoConnectionList = z.object({ items: z.array(ssoConnection) });

/**
 * The id a new OpenID Connect connection gets, and with it its redirect URI
 * (`/api/auth/sso/callback/<id>`): `oidc-<organisation>` for the first, then the email domain appended,
 * so the admin can register the redirect URI at the IdP before adding the connection here.
 */
export function nextOidcProviderId(slug: string, domain: string, taken: readonly string[]): string {
  const first = `oidc-${slug}`;
  if (!taken.includes(first)) return first;
  const base = `${first}-${domain.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 90).replace(/-+$/, '');
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}
