import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type OidcConnectionUpdate,
  type oidcConnectionRequest,
  type samlConnectionRequest,
  ssoConnection,
  ssoConnectionList,
} from '../../../../src/contracts/sso.ts';
import { request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export type SsoConnection = z.infer<typeof ssoConnection>;
export const ssoKeys = featureKeys('sso');

export const ssoApi = {
  list: (org: string) =>
    request('GET', '/api/v1/orgs/:org/sso', { params: { org }, response: ssoConnectionList }),
  addOidc: (org: string, body: z.input<typeof oidcConnectionRequest>) =>
    request('POST', '/api/v1/orgs/:org/sso/oidc', { params: { org }, body, response: ssoConnection }),
  /** Creates or replaces the organisation's SAML connection (the metadata is read again when saved). */
  saveSaml: (org: string, body: z.input<typeof samlConnectionRequest>) =>
    request('PUT', '/api/v1/orgs/:org/sso/saml', { params: { org }, body, response: ssoConnection }),
  update: (org: string, providerId: string, body: OidcConnectionUpdate) =>
    request('PATCH', '/api/v1/orgs/:org/sso/:providerId', {
      params: { org, providerId },
      body,
      response: ssoConnection,
    }),
  remove: (org: string, providerId: string) =>
    request('DELETE', '/api/v1/orgs/:org/sso/:providerId', { params: { org, providerId } }),
};

export const ssoQueries = {
  list: (org: string) => queryOptions({ queryKey: ssoKeys.list(org), queryFn: () => ssoApi.list(org) }),
};
