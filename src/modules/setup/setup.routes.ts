import { z } from 'zod';
import { orgParams } from '../../contracts/common.ts';
import { AppError } from '../../contracts/errors.ts';
import {
  createOrganisationRequest,
  me,
  myOrganisation,
  organisation,
  organisationSettings,
  setupRequest,
  setupStatus,
} from '../../contracts/foundation.ts';
import { role } from '../../contracts/roles.ts';
import { orgCtx, principalOf } from '../../http/gate.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import { accountByEmail } from '../accounts/index.ts';
import { isInstanceOperator } from '../jobs/index.ts';
import * as organisations from '../organisations/index.ts';
import { organisationsOfUser } from '../organisations/index.ts';
import * as service from './setup.service.ts';

// Routes that sit outside any one capability: first-run setup, who am I, organisations.
export function setupRoutes(app: ZodApp, deps: ModuleDeps) {
  app.get(
    '/api/v1/setup',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Whether first-run setup is needed',
        response: { 200: setupStatus },
      },
    },
    async () => service.needsSetup(deps.database),
  );
  app.post(
    '/api/v1/setup',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Create the first administrator and organisation',
        body: setupRequest,
        response: { 201: z.object({ organisation }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ organisation: (await service.completeSetup(req.body, deps)).organisation }),
  );
  app.get(
    '/api/v1/me',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['account'],
        summary: 'The signed-in person and their organisations',
        response: { 200: me },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const user = await accountByEmail(deps.database.db, principal.email);
      if (!user) throw new AppError('unauthenticated', 'the account no longer exists');
      const orgs = await organisationsOfUser(deps.database.db, principal.userId);
      return {
        user: {
          id: user.id,
          name: user.name,
          email: user.email,
          twoFactorEnabled: Boolean(user.twoFactorEnabled),
        },
        organisations: orgs
          .filter((o) => !principal.tokenOrganisationId || o.id === principal.tokenOrganisationId)
          .map((o) => ({
            id: o.id,
            slug: o.slug,
            name: o.name,
            createdAt: o.created_at,
            role: role.parse(o.role),
            limited: o.scope_json !== null,
          })),
        operator: await isInstanceOperator(principal, { db: deps.database.db, env: deps.env }),
      };
    },
  );
  app.post(
    '/api/v1/organisations',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['organisations'],
        summary: 'Create an organisation; you become its administrator',
        body: createOrganisationRequest,
        response: { 201: myOrganisation },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      if (principal.via === 'token')
        throw new AppError('forbidden', 'API tokens act inside one organisation only');
      const created = await organisations.createOrganisation(
        { ...req.body, adminUserId: principal.userId, adminEmail: principal.email },
        deps,
      );
      return reply.status(201).send({ ...created, role: 'admin' as const, limited: false });
    },
  );
  app.get(
    '/api/v1/orgs/:org/settings',
    {
      config: { policy: 'organisation.read' },
      schema: {
        tags: ['organisations'],
        summary: 'Organisation settings',
        params: orgParams,
        response: { 200: organisationSettings },
      },
    },
    async (req) => organisations.getSettings({}, orgCtx(req)),
  );
  app.put(
    '/api/v1/orgs/:org/settings',
    {
      config: { policy: 'organisation.update' },
      schema: {
        tags: ['organisations'],
        summary: 'Update organisation settings',
        params: orgParams,
        body: organisationSettings,
        response: { 200: organisationSettings },
      },
    },
    async (req) => organisations.updateSettings(req.body, orgCtx(req)),
  );
}
