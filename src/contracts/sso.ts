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
  redirectUri: z.string().describe('register this redirect URI at the identity provider'),
  updatedAt: z.string(),
});
export const ssoConnectionList = z.object({ items: z.array(ssoConnection) });
