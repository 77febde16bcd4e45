import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's headers on every response, its middleware built once (issue #16): @fastify/helmet built it
 * anew on every request, parsing the CSP directives each time, which cost more than answering
 * `GET /api/health`. Applied on the raw response at onRequest, as that plugin did, so every answer carries
 * them: errors, 404s and files alike. A synchronous hook: nothing here waits.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions) {
  const apply = helmet(options);
  app.addHook('onRequest', (req, reply, done) => {
    apply(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
}
