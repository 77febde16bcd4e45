import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorCode } from '../contracts/errors.ts';
import type { Db } from '../db/connection.ts';
import {
  firstUseOfCode,
  recordSignInFailure,
  recordSignInSuccess,
  signInWait,
} from '../modules/accounts/index.ts';
import { samlScreening, ssoRequired } from '../modules/sso/index.ts';
import { type Auth, CLIENT_IP_HEADER, duringSignIn } from './auth.ts';
import { SAML_ACS_PREFIX } from './origin.ts';
import { toHeaders } from './principal.ts';
import { problemBody } from './problem.ts';

// Open sign-up is closed: accounts come from first-run setup, invitations and the CLI. Everything else
// under /api/auth is better-auth's own handler (sign-in, sign-out, TOTP, password reset), with three
// guards around it (issue #18): the per-account sign-in back-off, TOTP codes accepted once (RFC 6238
// §5.2), and 429s as problem+json with Retry-After like every other error. The back-off is brute-force
// protection like the other rate limits, so `CLOSELOOP_RATE_LIMIT=off` (test harnesses) turns it off too.
// The SSO plugin's own provider management is closed too: organisations configure their identity
// provider through /api/v1/orgs/:org/sso (policy table, audit trail, secrets never returned).
const CLOSED = new Set([
  '/api/auth/sign-up/email',
  '/api/auth/sso/register',
  '/api/auth/sso/providers',
  '/api/auth/sso/get-provider',
  '/api/auth/sso/update-provider',
  '/api/auth/sso/delete-provider',
]);
const SIGN_IN = '/api/auth/sign-in/email';
const VERIFY_TOTP = '/api/auth/two-factor/verify-totp';

function problem(reply: FastifyReply, code: ErrorCode, detail: string, path: string, retryAfter?: number) {
  const body = problemBody(code, detail, path);
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return reply
    .status(body.status)
    .header('cache-control', 'no-store')
    .type('application/problem+json')
    .send(body);
}

const field = (body: unknown, name: string) => {
  const v = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof v === 'string' ? v : '';
};

/** better-auth's answer, as it is: status, headers, cookies; never cached. */
function relay(reply: FastifyReply, response: Response, text: string | null) {
  reply.status(response.status);
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') reply.header(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  reply.header('cache-control', 'no-store');
  return reply.send(text);
}

/**
 * The SAML Assertion Consumer Service (HTTP-POST binding: an HTML form, urlencoded). The form parser is
 * registered in this scope only, so no other route accepts a form post (the JSON-only API is part of the
 * CSRF defence). The organisation's own rules run first (clock skew, email domain: sso.saml.ts); what
 * passes is handed to the plugin as it came.
 */
function registerSamlAcs(app: FastifyInstance, auth: Auth, opts: { publicUrl: string; db: Db }) {
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 512 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scope.post(`${SAML_ACS_PREFIX}:providerId`, {
      config: { policy: 'public' },
      schema: { hide: true },
      async handler(req, reply) {
        const raw = typeof req.body === 'string' ? req.body : '';
        const { providerId } = req.params as { providerId: string };
        const samlResponse = new URLSearchParams(raw).get('SAMLResponse') ?? '';
        const refused = samlResponse
          ? await samlScreening(opts.db, providerId, samlResponse, new Date())
          : null;
        if (refused) {
          req.log.warn({ providerId, refused }, 'SAML response refused by the organisation rules');
          const to = new URL('/sign-in', opts.publicUrl);
          to.searchParams.set('error', 'saml_refused');
          to.searchParams.set('error_description', refused);
          return reply.header('cache-control', 'no-store').redirect(to.toString(), 302);
        }
        const headers = toHeaders(req);
        headers.set(CLIENT_IP_HEADER, req.ip);
        const url = new URL(req.url, opts.publicUrl);
        const response = await auth.handler(new Request(url, { method: 'POST', headers, body: raw }));
        return relay(reply, response, response.body ? await response.text() : null);
      },
    });
  });
}

export function registerAuthRoutes(
  app: FastifyInstance,
  auth: Auth,
  opts: { publicUrl: string; db: Db; rateLimit: boolean },
) {
  const { publicUrl, db } = opts;
  registerSamlAcs(app, auth, opts);
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { policy: 'public' },
    schema: { hide: true },
    async handler(req, reply) {
      const path = req.url.split('?')[0] ?? '';
      if (CLOSED.has(path))
        return problem(
          reply,
          'not_found',
          'self sign-up is disabled; ask an administrator for an invitation',
          path,
        );
      const guarded = opts.rateLimit && req.method === 'POST' && path === SIGN_IN;
      const email = field(req.body, 'email');
      if (guarded) {
        const wait = await signInWait(db, email, req.ip, new Date());
        if (wait > 0) {
          const seconds = Math.ceil(wait / 1000);
          return problem(
            reply,
            'rate_limited',
            `too many failed sign-ins: try again in ${seconds} s`,
            path,
            seconds,
          );
        }
      }
      const url = new URL(req.url, publicUrl);
      const headers = toHeaders(req);
      headers.set(CLIENT_IP_HEADER, req.ip);
      const init: RequestInit = { method: req.method, headers };
      if (req.method !== 'GET' && req.body !== undefined) init.body = JSON.stringify(req.body);
      const request = new Request(url, init);
      const response = await (path === SIGN_IN
        ? duringSignIn(() => auth.handler(request))
        : auth.handler(request));
      const text = response.body ? await response.text() : null;
      if (guarded && response.status === 401) await recordSignInFailure(db, email, req.ip, new Date());
      if (guarded && response.status === 200) await recordSignInSuccess(db, email, req.ip);
      if (response.status === 429) {
        const seconds = Number(response.headers.get('x-retry-after')) || 60;
        return problem(reply, 'rate_limited', `too many requests: try again in ${seconds} s`, path, seconds);
      }
      // "SSO required" (issue #20): a member of such an organisation signs in through its identity
      // provider; a correct password (with or without TOTP) opens no session. Admins keep this path as
      // break-glass. Checked only after the password matched, so it tells nothing to a guesser.
      if (
        req.method === 'POST' &&
        (path === SIGN_IN || path === VERIFY_TOTP) &&
        response.status === 200 &&
        text
      ) {
        const out = JSON.parse(text) as { token?: string; user?: { id?: string } };
        if (out.user?.id && (await ssoRequired(db, out.user.id))) {
          if (out.token) await (await auth.$context).internalAdapter.deleteSession(out.token);
          return problem(
            reply,
            'forbidden',
            'your organisation signs you in with your company account: use "Sign in with your company account"',
            path,
          );
        }
      }
      if (req.method === 'POST' && path === VERIFY_TOTP && response.status === 200 && text) {
        const out = JSON.parse(text) as { token?: string; user?: { id?: string } };
        const ctx = await auth.$context;
        if (
          out.user?.id &&
          !(await firstUseOfCode(db, ctx.secretConfig, out.user.id, field(req.body, 'code')))
        ) {
          const opened = response.headers
            .getSetCookie()
            .some((c) => c.includes('session_token=') && !/Max-Age=0/i.test(c));
          if (opened && out.token) await ctx.internalAdapter.deleteSession(out.token);
          return problem(reply, 'unauthenticated', 'this code was already used: wait for the next one', path);
        }
      }
      return relay(reply, response, text);
    },
  });
}
