import { z } from 'zod';
import { orgParams } from '../../contracts/common.ts';
import {
  oidcConnectionRequest,
  oidcConnectionUpdate,
  samlConnectionRequest,
  ssoConnection,
  ssoConnectionList,
  ssoProviderParams,
} from '../../contracts/sso.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { configureSaml } from './sso.saml.ts';
import * as service from './sso.service.ts';

export function ssoRoutes(app: ZodApp) {
  app.get(
    '/api/v1/orgs/:org/sso',
    {
      config: { policy: 'sso.read' },
      schema: {
        tags: ['sso'],
        summary: 'List the single sign-on connections (client secrets are never returned)',
        params: orgParams,
        response: { 200: ssoConnectionList },
      },
    },
    async (req) => service.listConnections({}, orgCtx(req)),
  );
  app.put(
    '/api/v1/orgs/:org/sso/oidc',
    {
      config: { policy: 'sso.manage' },
      schema: {
        tags: ['sso'],
        summary: 'Configure the OpenID Connect connection (issuer discovery, client, PKCE, scopes, domain)',
        params: orgParams,
        body: oidcConnectionRequest,
        response: { 200: ssoConnection },
      },
    },
    async (req) => service.configureOidc(req.body, orgCtx(req)),
  );
  app.put(
    '/api/v1/orgs/:org/sso/saml',
    {
      config: { policy: 'sso.manage' },
      schema: {
        tags: ['sso'],
        summary:
          'Configure the SAML 2.0 connection (IdP metadata URL or XML, domain, JIT role, SSO required, clock skew)',
        description:
          'Signed assertions are always required. Give the IdP the returned saml.spEntityId (Audience) and ' +
          'saml.acsUrl (Recipient, HTTP-POST), or saml.spMetadataUrl, which carries both.',
        params: orgParams,
        body: samlConnectionRequest,
        response: { 200: ssoConnection },
      },
    },
    async (req) => configureSaml(req.body, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/sso/oidc',
    {
      config: { policy: 'sso.manage' },
      schema: {
        tags: ['sso'],
        summary: 'Add an OpenID Connect connection for another email domain',
        params: orgParams,
        body: oidcConnectionRequest,
        response: { 201: ssoConnection },
      },
    },
    async (req, reply) => reply.code(201).send(await service.addOidc(req.body, orgCtx(req))),
  );
  app.patch(
    '/api/v1/orgs/:org/sso/:providerId',
    {
      config: { policy: 'sso.manage' },
      schema: {
        tags: ['sso'],
        summary: 'Change an OpenID Connect connection (a client secret left out keeps the stored one)',
        params: ssoProviderParams,
        body: oidcConnectionUpdate,
        response: { 200: ssoConnection },
      },
    },
    async (req) => service.updateOidc({ ...req.body, providerId: req.params.providerId }, orgCtx(req)),
  );
  app.delete(
    '/api/v1/orgs/:org/sso/:providerId',
    {
      config: { policy: 'sso.manage' },
      schema: {
        tags: ['sso'],
        summary: 'Remove a connection (its domain signs in with a password again)',
        params: ssoProviderParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.removeConnection({ providerId: req.params.providerId }, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
}
