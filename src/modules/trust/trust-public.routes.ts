import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { id } from '../../contracts/common.ts';
import {
  accessRequestAnswer,
  accessRequestInput,
  linkOpenInput,
  ndaAcceptance,
  publicTrustPage,
  signInInput,
  trustPublicParams,
} from '../../contracts/trust.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import * as visitor from './trust-public.service.ts';
import { SESSION_DAYS, visitorContext } from './trust-visitor.ts';

// Public API of the trust page (policy `public`: no account). The visitor's session is a cookie scoped
// to this page's API path; every response says no-referrer and is not cached by shared caches.

const COOKIE = 'cl_trust';
// Visitor actions that create records or test secrets are rate-limited per address (when enabled).
const limited = { rateLimit: { max: 20, timeWindow: '1 minute' } } as const;

function sessionToken(req: FastifyRequest): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

function setSession(reply: FastifyReply, slug: string, token: string | null, secure: boolean) {
  const attrs = [
    `Path=/api/v1/trust/${encodeURIComponent(slug)}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ];
  reply.header(
    'set-cookie',
    token
      ? `${COOKIE}=${token}; ${attrs.join('; ')}; Max-Age=${SESSION_DAYS * 86_400}`
      : `${COOKIE}=; ${attrs.join('; ')}; Max-Age=0`,
  );
}

export function trustPublicRoutes(app: ZodApp, deps: ModuleDeps) {
  const tags = ['trust page (public)'];
  const base = '/api/v1/trust/:slug';
  const secure = deps.env.publicUrl.startsWith('https://');
  const publicDeps = { db: deps.database.db, kind: deps.database.kind, env: deps.env, store: deps.store };
  const ctxOf = (req: FastifyRequest) =>
    visitorContext((req.params as { slug: string }).slug, sessionToken(req), req.ip, publicDeps);
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/v1/trust/')) {
      reply.header('referrer-policy', 'no-referrer');
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store');
    }
  });
  app.get(
    base,
    {
      // Each view is logged: a generous limit keeps a script from flooding the log.
      config: { policy: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The published trust page as this visitor may see it',
        params: trustPublicParams,
        response: { 200: publicTrustPage },
      },
    },
    async (req) => visitor.viewPage({}, await ctxOf(req)),
  );
  app.post(
    `${base}/nda`,
    {
      config: { policy: 'public', ...limited },
      schema: {
        tags,
        summary: 'Accept the NDA (clickwrap)',
        params: trustPublicParams,
        body: ndaAcceptance,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const token = await visitor.acceptNda(req.body, await ctxOf(req));
      if (token) setSession(reply, req.params.slug, token, secure);
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${base}/requests`,
    {
      config: { policy: 'public', ...limited },
      schema: {
        tags,
        summary: 'Ask for access to a document (or all)',
        params: trustPublicParams,
        body: accessRequestInput,
        response: { 202: accessRequestAnswer },
      },
    },
    async (req, reply) => reply.status(202).send(await visitor.requestAccess(req.body, await ctxOf(req))),
  );
  app.post(
    `${base}/sign-in`,
    {
      config: { policy: 'public', ...limited },
      schema: {
        tags,
        summary: 'Use a single-use sign-in link from an invitation or approval mail',
        params: trustPublicParams,
        body: signInInput,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      setSession(reply, req.params.slug, await visitor.signIn(req.body, await ctxOf(req)), secure);
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${base}/links/open`,
    {
      config: { policy: 'public', ...limited },
      schema: {
        tags,
        summary: 'Open a direct share link (with its passcode if it has one)',
        params: trustPublicParams,
        body: linkOpenInput,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      setSession(reply, req.params.slug, await visitor.openLink(req.body, await ctxOf(req)), secure);
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${base}/sign-out`,
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'End the visitor session',
        params: trustPublicParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await visitor.signOut(sessionToken(req), await ctxOf(req));
      setSession(reply, req.params.slug, null, secure);
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${base}/documents/:documentId`,
    {
      config: { policy: 'public', ...limited },
      schema: {
        tags,
        summary: 'Download a document (nda and request documents come watermarked)',
        params: trustPublicParams.extend({ documentId: id }),
      },
    },
    async (req, reply) => {
      const file = await visitor.download(req.params, await ctxOf(req));
      const name = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
      return reply
        .header('content-type', file.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', file.confidential ? 'private, no-store' : 'private, no-cache')
        .send(file.bytes);
    },
  );
}
