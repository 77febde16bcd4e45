import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { problemBody } from './problem.ts';

// The HTTP server's own bounds and its answers to requests that never reach a route (issue #18): a
// slow-loris client is cut off, and a URL or header block the parser refuses still gets problem+json.

/** JSON bodies: Fastify's default 1 MiB, ample for the largest form (the trust page with its logo). */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** Fastify options bounding every connection; uploads stream through multipart with their own limits. */
export function serverOptions(config: Pick<Config, 'headersTimeoutSeconds'>) {
  const headersTimeout = config.headersTimeoutSeconds * 1000;
  return {
    bodyLimit: JSON_BODY_LIMIT,
    // The whole request, body included: a 25 MB upload at 2 Mbit/s fits in 120 s, a trickled body does not.
    requestTimeout: Math.max(120_000, headersTimeout),
    // A socket with no traffic at all for a minute is closed.
    connectionTimeout: 60_000,
    // Longer than a load balancer's idle timeout (60 s on the common ones), so it never reuses a closed one.
    keepAliveTimeout: 72_000,
    http: {
      // Slow loris: the request line and headers must arrive within this many seconds, checked often
      // enough that the bound holds (Node checks every `connectionsCheckingInterval`).
      headersTimeout,
      connectionsCheckingInterval: Math.min(5_000, Math.max(250, headersTimeout / 4)),
    },
    frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
      // A path the router cannot decode (`%zz`, bad UTF-8): the client's mistake, answered like others.
      const body = problemBody('validation_failed', err.message, req.url.split('?')[0] ?? req.url);
      return reply.status(400).type('application/problem+json').send(body);
    },
    clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
      if (err.code === 'ECONNRESET' || !socket.writable) {
        socket.destroy();
        return;
      }
      const [code, detail] =
        err.code === 'HPE_HEADER_OVERFLOW'
          ? (['headers_too_large', 'the request headers are larger than allowed'] as const)
          : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? (['request_timeout', 'the request did not arrive in time'] as const)
            : (['validation_failed', 'the request is not valid HTTP'] as const);
      const { status } = problemBody(code, detail, '');
      const body = JSON.stringify(problemBody(code, detail, ''));
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  };
}
