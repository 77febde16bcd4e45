import { z } from 'zod';
import { orgParams, paged, pageQuery } from '../../contracts/common.ts';
import { auditInput, auditSummary, deadlinePolicy } from '../../contracts/findings.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as policies from '../deadline-policies/index.ts';
import * as service from './audits.service.ts';

export function auditsRoutes(app: ZodApp) {
  const tags = ['audits'];
  const one = orgParams.extend({ auditRef: z.string().min(1).max(60) });
  app.get(
    '/api/v1/orgs/:org/audits',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags,
        summary: 'Audits with their implied recommendation',
        params: orgParams,
        querystring: pageQuery,
        response: { 200: paged(auditSummary) },
      },
    },
    async (req) => service.listAudits(req.query, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/audits',
    {
      config: { policy: 'audit.manage' },
      schema: {
        tags,
        summary: 'Create an audit',
        params: orgParams,
        body: auditInput,
        response: { 201: auditSummary },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createAudit(req.body, orgCtx(req))),
  );
  app.get(
    '/api/v1/orgs/:org/audits/:auditRef',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags,
        summary: 'An audit: recommendation given and implied, counts, next deadline',
        params: one,
        response: { 200: auditSummary },
      },
    },
    async (req) => service.showAudit({ ref: req.params.auditRef }, orgCtx(req)),
  );
  app.get(
    '/api/v1/orgs/:org/deadline-policies',
    {
      config: { policy: 'deadline_policy.read' },
      schema: {
        tags,
        summary: 'Deadline policies (presets included)',
        params: orgParams,
        response: { 200: z.array(deadlinePolicy) },
      },
    },
    async (req) => policies.listPolicies({}, orgCtx(req)),
  );
}
