import { z } from 'zod';
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

export const oidcConnectionRequest = z.object({
  issuer: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .describe('issuer URL; its discovery document is read'),
  clientId: z.string().trim().min(1).max(500),
  clientSecret: z.string().min(1).max(2000).describe('write-only: never returned'),
  domain,
  scopes: z
    .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/))
    .min(1)
    .max(20)
    .default(['openid', 'email', 'profile']),
  pkce: z.boolean().default(true),
  jitRole: role.nullable().describe('role given on first sign-in; null = invitation-only'),
  ssoRequired: z
    .boolean()
    .default(false)
    .describe('members must sign in through SSO (admins keep password + TOTP)'),
});
export type OidcConnectionRequest = z.infer<typeof oidcConnectionRequest>;

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
