import type { FastifyInstance } from 'fastify';
import { type Auth, CLIENT_IP_HEADER } from './auth.ts';
import { toHeaders } from './principal.ts';
import { problemBody } from './problem.ts';

// Open sign-up is closed: accounts come from first-run setup, invitations and the CLI. Everything else
// under /api/auth is better-auth's own handler (sign-in, sign-out, TOTP, password reset).
const CLOSED = new Set(['/api/auth/sign-up/email']);

export function registerAuthRoutes(app: FastifyInstance, auth: Auth, publicUrl: string) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { policy: 'public' },
    schema: { hide: true },
    async handler(req, reply) {
      const path = req.url.split('?')[0] ?? '';
      if (CLOSED.has(path)) {
        return reply
          .status(404)
          .type('application/problem+json')
          .send(
            problemBody(
              'not_found',
              'self sign-up is disabled; ask an administrator for an invitation',
              path,
            ),
          );
      }
      const url = new URL(req.url, publicUrl);
      const headers = toHeaders(req);
      headers.set(CLIENT_IP_HEADER, req.ip);
      const init: RequestInit = { method: req.method, headers };
      if (req.method !== 'GET' && req.body !== undefined) init.body = JSON.stringify(req.body);
      const response = await auth.handler(new Request(url, init));
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      reply.header('cache-control', 'no-store');
      return reply.send(response.body ? await response.text() : null);
    },
  });
}
