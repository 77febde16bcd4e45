import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, forbidden, notFound } from '../contracts/errors.ts';
import { role as roleSchema } from '../contracts/roles.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { type AppEnv, makeContext, type OrgContext } from '../modules/context.ts';
import { isInstanceOperator } from '../modules/jobs/index.ts';
import { membershipBySlug } from '../modules/organisations/index.ts';
import { scopeOf } from '../vocabulary/actors.ts';
import type { Auth } from './auth.ts';
import { enforceGuestScope } from './guest-scope.ts';
import { checkOrigin } from './origin.ts';
import { isAllowed, isKnownPolicy, type RoutePolicy } from './policy.ts';
import { type Principal, resolvePrincipal } from './principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    principal: Principal | null;
    orgContext: OrgContext | null;
  }
}

/** The request's organisation context; routes with an organisation policy always have one. */
export function orgCtx(req: FastifyRequest): OrgContext {
  if (!req.orgContext) throw new AppError('internal', 'organisation context missing');
  return req.orgContext;
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthenticated', 'sign in first');
  return req.principal;
}

/**
 * One gate in front of every route: Origin check, who is calling, which organisation, and the policy
 * table. An organisation the caller does not belong to answers 404, exactly like one that does not
 * exist, so ids and slugs of other tenants cannot be probed.
 */
export function registerGate(
  app: FastifyInstance,
  deps: { auth: Auth; database: DatabaseHandle; env: AppEnv },
) {
  const allowedOrigins = new Set(deps.env.acceptedOrigins ?? [new URL(deps.env.publicUrl).origin]);
  app.decorateRequest('principal', null);
  app.decorateRequest('orgContext', null);
  // Synchronous hooks where nothing is awaited: no promise per request for what is decided at once (#16).
  app.addHook('onRequest', (req, _reply, done) => {
    checkOrigin(req, allowedOrigins, deps.env.publicUrl);
    done();
  });
  // preValidation: callers without access learn nothing, not even whether their body was valid.
  app.addHook('preValidation', (req, _reply, done) => {
    const policy = req.routeOptions.config?.policy;
    if (!req.routeOptions.url) return done(); // 404 handler
    if (!isKnownPolicy(policy)) throw forbidden('this route has no entry in the policy table');
    // Public pages and probes (`GET /api/health`) need no caller.
    if (policy === 'public' && !req.url.startsWith('/api/v1/')) return done();
    admit(req, policy).then(() => done(), done);
  });

  async function admit(req: FastifyRequest, policy: RoutePolicy) {
    req.principal = await resolvePrincipal(req, deps.auth, deps.database.db);
    if (policy === 'public') return;
    if (!req.principal) throw new AppError('unauthenticated', 'sign in or send a valid API token');
    if (policy === 'authenticated') return;
    if (policy === 'operator') {
      if (!(await isInstanceOperator(req.principal, { db: deps.database.db, env: deps.env })))
        throw forbidden('only an instance operator (CLOSELOOP_OPERATORS) may do this');
      return;
    }
    const slug = (req.params as { org?: string }).org;
    if (!slug) throw forbidden('this route has an organisation policy but no organisation in its path');
    const db = deps.database.db;
    const row = await membershipBySlug(db, slug, req.principal.userId);
    const tokenOrg = req.principal.tokenOrganisationId;
    if (!row || (tokenOrg && tokenOrg !== row.id)) throw notFound('organisation');
    const role = roleSchema.parse(row.role);
    if (!isAllowed(role, policy)) throw forbidden();
    const scope = row.scope_json ? (JSON.parse(row.scope_json) as string[]) : null;
    if (scope) enforceGuestScope(req, scope);
    const who = { ...req.principal, kind: 'member' as const, role, scope: scopeOf(scope) };
    req.orgContext = makeContext(
      who,
      { id: row.id, slug: row.slug, name: row.name, settingsJson: row.settings_json },
      { ...deps.database, env: deps.env },
    );
  }
}
