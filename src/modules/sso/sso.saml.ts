import { createRequire } from 'node:module';
import type * as Samlify from 'samlify';
import { AppError } from '../../contracts/errors.ts';
import type { SamlConnectionRequest } from '../../contracts/sso.ts';
import type { Db } from '../../db/connection.ts';
import { authorize } from '../authorize.ts';
import type { AppEnv, OrgContext } from '../context.ts';
import { getGuardedText, targetPolicy } from '../webhooks/index.ts';
import { samlEndpoints } from './sso.presenter.ts';
import * as repo from './sso.repository.ts';
import { storeConnection } from './sso.service.ts';

// SAML 2.0 single sign-on per organisation (issue #20) on better-auth's SSO plugin, which does the
// protocol at sign-in: the AuthnRequest (HTTP-Redirect), and on the ACS the XML signature against the
// IdP's certificate, audience, recipient, InResponseTo and the replay of an assertion id.

const METADATA_LIMIT = 200_000;
const HTTP_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

async function readMetadataUrl(url: string, env: AppEnv): Promise<string> {
  // An IdP on a private network is reached only where the operator allowed its origin.
  const allowed = (env.ssoAllowOrigins ?? []).includes(new URL(url).origin);
  try {
    return await getGuardedText(
      url,
      targetPolicy(allowed ? 'loopback,private,link-local' : ''),
      METADATA_LIMIT,
    );
  } catch (err) {
    throw new AppError('validation_failed', 'the IdP metadata could not be read from this URL', [
      {
        path: 'body/idpMetadataUrl',
        message: `${(err as Error).message} (an operator may allow an IdP's origin with CLOSELOOP_SSO_ALLOW_ORIGINS)`,
      },
    ]);
  }
}

// samlify (and its XML stack) loads when an organisation configures SAML, not at every start. Required,
// not imported: a CommonJS package keeps its named exports either way, bundled or not (decision 0022).
const loadSamlify = () => createRequire(import.meta.url)('samlify') as typeof Samlify;

/** The IdP as its metadata describes it; refused unless it has an entity id, an SSO URL and a signing key. */
function describeIdp(xml: string, path: string) {
  const refuse = (message: string) =>
    new AppError('validation_failed', 'the IdP metadata is not usable', [{ path, message }]);
  const samlify = loadSamlify();
  let meta: ReturnType<typeof samlify.IdentityProvider>['entityMeta'];
  try {
    meta = samlify.IdentityProvider({ metadata: xml }).entityMeta;
  } catch {
    throw refuse('not SAML 2.0 metadata (an EntityDescriptor with an IDPSSODescriptor)');
  }
  const entityId = meta.getEntityID();
  const ssoUrl = meta.getSingleSignOnService('redirect');
  const cert = meta.getX509Certificate('signing');
  if (!entityId) throw refuse('the metadata names no entityID');
  if (typeof ssoUrl !== 'string' || !/^https?:\/\//.test(ssoUrl))
    throw refuse(`the IdP offers no SingleSignOnService with the ${HTTP_REDIRECT} binding`);
  if (!cert || (Array.isArray(cert) && cert.length === 0))
    throw refuse('the metadata carries no signing certificate: signed assertions are required');
  return { entityId, ssoUrl };
}

/**
 * Creates or replaces the organisation's SAML connection. closeloop is the service provider: its
 * entity id is the Audience and its ACS URL the Recipient the IdP must name; assertions must be signed
 * (SAML 2.0 Core §5; WantAssertionsSigned in closeloop's SP metadata).
 */
export async function configureSaml(input: SamlConnectionRequest, ctx: OrgContext) {
  authorize(ctx, 'sso.manage');
  const providerId = `saml-${ctx.organisation.slug}`;
  const xml = input.idpMetadataXml ?? (await readMetadataUrl(input.idpMetadataUrl ?? '', ctx.env));
  const idp = describeIdp(xml, input.idpMetadataXml ? 'body/idpMetadataXml' : 'body/idpMetadataUrl');
  const sp = samlEndpoints(ctx.env.publicUrl, providerId);
  return storeConnection(
    {
      providerId,
      protocol: 'saml',
      issuer: idp.entityId,
      domain: input.domain,
      jitRole: input.jitRole,
      ssoRequired: input.ssoRequired,
      clockSkewSeconds: input.clockSkewSeconds,
      metadataUrl: input.idpMetadataUrl ?? null,
      config: {
        issuer: sp.spEntityId,
        entryPoint: idp.ssoUrl,
        audience: sp.spEntityId,
        idpMetadata: { metadata: xml },
        spMetadata: { entityID: sp.spEntityId },
        wantAssertionsSigned: true,
        identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        mapping: { email: 'email', name: 'displayName', firstName: 'givenName', lastName: 'surname' },
      },
      audit: {
        idpMetadataUrl: input.idpMetadataUrl ?? null,
        idpSsoUrl: idp.ssoUrl,
        clockSkewSeconds: input.clockSkewSeconds,
      },
    },
    ctx,
  );
}

/**
 * The organisation's own rules on a SAMLResponse posted to the ACS, before the plugin checks it: its
 * clock skew, and the asserted email inside its domain. Null lets the plugin go on (which still refuses
 * what is unsigned, for another audience or recipient, unsolicited or replayed); a string refuses.
 */
export async function samlScreening(db: Db, providerId: string, samlResponse: string, now: Date) {
  const conn = await repo.connectionWithOrganisation(db, providerId);
  if (conn?.protocol !== 'saml') return null;
  if (conn.enabled !== 1) return 'this single sign-on connection is disabled';
  const { samlAssertionFacts, samlRefusal } = await import('../../domain/sso/saml-assertion.ts');
  const facts = samlAssertionFacts(samlResponse);
  if (!facts) return null;
  return samlRefusal(facts, { now, clockSkewSeconds: conn.clock_skew_seconds ?? 0, domain: conn.domain });
}
