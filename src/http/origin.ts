import type { FastifyRequest } from 'fastify';
import { AppError } from '../contracts/errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * The SAML Assertion Consumer Service receives the IdP's HTTP-POST form, sent from the IdP's origin by
 * design (SAML 2.0 Bindings §3.5). What authenticates it is the signed assertion answering a request of
 * ours (InResponseTo, used once), checked by the SSO plugin, not the Origin header.
 */
export const SAML_ACS_PREFIX = '/api/auth/sso/saml2/sp/acs/';

/**
 * CSRF defence for state-changing requests (OWASP CSRF cheat sheet, "verifying origin with standard
 * headers"): a browser always sends Origin on such requests, so a foreign Origin is refused, and so is a
 * cookie-carrying request without one. Bearer-token calls carry no ambient credentials and are exempt.
 */
export function checkOrigin(req: FastifyRequest, allowedOrigins: Set<string>, publicUrl = ''): void {
  if (SAFE.has(req.method)) return;
  if (req.method === 'POST' && req.url.startsWith(SAML_ACS_PREFIX)) return;
  if (req.headers.authorization?.startsWith('Bearer ')) return;
  const origin = req.headers.origin;
  if (origin) {
    if (!allowedOrigins.has(origin))
      throw new AppError(
        'origin_rejected',
        `requests from ${origin} are not accepted: this server answers at ${publicUrl || [...allowedOrigins][0]}; open that address, or set PUBLIC_URL to the address people use`,
      );
    return;
  }
  if (req.headers.cookie)
    throw new AppError('origin_rejected', 'a state-changing request must carry an Origin header');
}
