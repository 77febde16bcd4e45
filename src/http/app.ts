import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { capabilityIsLive, customDomainRedirect } from '../modules/trust/index.ts';
import type { Runtime } from '../runtime.ts';
import { openContentStore } from '../storage/open.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import { registerGate } from './gate.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerLifecycleRoutes } from './lifecycle.ts';
import { openapiOptions } from './openapi.ts';
import { registerProblemHandler } from './problem.ts';
import { sharedFastifyStore } from './rate-limit-store.ts';
import { registerModuleRoutes } from './routes.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { serverOptions } from './server-options.ts';

export interface RouteEntry {
  method: string;
  url: string;
  policy: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route with its policy, for the policy-coverage and tenant-isolation tests. */
    routeCatalogue: RouteEntry[];
  }
}

/** Trust the nearest `hops` proxies: the client is the address that many hops back in X-Forwarded-For. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

const builtWebApp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(
  rt: Runtime,
  opts: { version: string /** The built web app (tests serve a folder of their own). */; webDist?: string },
): Promise<FastifyInstance> {
  const webDist = opts.webDist ?? builtWebApp;
  const { config } = rt;
  const app = Fastify({
    loggerInstance: rt.log as FastifyBaseLogger,
    ...serverOptions(config),
    // One line per request, written only when its level is enabled (below), not two at info (#16).
    logController: new LogController({ disableRequestLogging: true }),
    // Behind a load balancer, req.ip is the client's address only from the proxies trusted here.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    // On SIGTERM a request that still reaches an open keep-alive connection is served, not answered 503,
    // and idle connections are closed: a rolling restart behind a balancer loses no request (issue #17).
    return503OnClosing: false,
    forceCloseConnections: 'idle',
  });
  const catalogue: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') catalogue.push({ method, url: route.url, policy: route.config?.policy });
    }
  });
  app.decorate('routeCatalogue', catalogue);
  // Failures and slow answers at info and above; every other request at debug (LOG_LEVEL=debug).
  // Synchronous, and the level checked before anything is built: at load, a request below the level
  // costs a comparison (#16).
  app.addHook('onResponse', (req, reply, done) => {
    const ms = reply.elapsedTime;
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 || ms > 1000 ? 'info' : 'debug';
    if (rt.log.isLevelEnabled(level))
      req.log[level]({ req, res: { statusCode: status }, responseTime: ms }, 'request completed');
    done();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);
  registerSecurityHeaders(app, {
    // Strict CSP: scripts only from this origin, no inline script, no framing. Mantine writes its CSS
    // variables into <style> elements, hence 'unsafe-inline' for styles only.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    hsts: config.publicUrl.startsWith('https://'),
  });
  await app.register(swagger, openapiOptions({ version: opts.version, publicUrl: config.publicUrl }));

  const { auth, env, database } = rt;
  registerInputGuard(app);
  registerGate(app, { auth, database, env });
  registerAuthRoutes(app, auth, {
    publicUrl: config.publicUrl,
    db: database.db,
    rateLimit: config.rateLimit,
  });
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1 } });
  // Only routes that ask for it (the trust page's public actions) are limited, per client address; on
  // PostgreSQL counted in the database, so several instances share one allowance (issue #17).
  if (config.rateLimit) {
    await app.register(rateLimit, {
      global: false,
      ...(database.kind === 'postgres' ? { store: sharedFastifyStore(database.db) } : {}),
    });
  }
  await registerModuleRoutes(app.withTypeProvider<ZodTypeProvider>(), {
    database,
    auth,
    env,
    version: opts.version,
    store: openContentStore(database, config.dataDir),
    maxUploadBytes: config.maxUploadBytes,
    rateLimit: config.rateLimit,
    log: rt.log,
  });
  registerLifecycleRoutes(app.withTypeProvider<ZodTypeProvider>(), rt, opts.version);
  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  // The readable API reference is a page of the web app that renders /api/openapi.json.
  app.get('/api/docs', { config: { policy: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.redirect('/docs/api'),
  );

  const indexFile = path.join(webDist, 'index.html');
  const built = fs.existsSync(indexFile);
  const index = built
    ? fs.readFileSync(indexFile, 'utf8')
    : '<!doctype html><meta charset="utf-8"><title>closeloop</title><p>The web app is not built.</p>';
  // A trust page's share link or sign-in link that is revoked, expired or spent answers 404 (issue #8),
  // with the app's page saying so; a live one gets the page, never cached. Limited per client address like
  // the other visitor routes: a token is a capability, and guessing one must be slow (issue #18).
  app.get(
    '/trust/:slug/:kind/:token',
    { config: { policy: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { hide: true } },
    async (req, reply) => {
      const { slug, kind, token } = req.params as { slug: string; kind: string; token: string };
      const live =
        (kind === 's' || kind === 'i') &&
        (await capabilityIsLive(database.db, slug, kind, token, new Date()));
      return reply
        .status(live ? 200 : 404)
        .type('text/html')
        .header('cache-control', 'no-store')
        .send(index);
    },
  );
  if (built) {
    // serve: false — only reply.sendFile; the catch-all route below (with its policy) serves files. The
    // build wrote .br and .gz siblings: the one the client accepts is sent (#16). Cache-Control is ours.
    await app.register(fastifyStatic, {
      root: webDist,
      serve: false,
      preCompressed: true,
      cacheControl: false,
    });
    // The single-page app answers every non-API path; the API keeps its own 404s.
    app.get('/*', { config: { policy: 'public' }, schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      const file = path.join(webDist, req.url.split('?')[0] ?? '/');
      if (file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        reply.header(
          'cache-control',
          req.url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
        return reply.sendFile(path.relative(webDist, file));
      }
      const trustPage = await customDomainRedirect(database.db, req.host, config.publicUrl);
      if (trustPage) return reply.redirect(trustPage, 302);
      return reply.type('text/html').header('cache-control', 'no-cache').send(index);
    });
  }
  return app;
}
