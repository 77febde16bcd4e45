import { z } from 'zod';
import { orgParams } from '../../contracts/common.ts';
import {
  auditSummary,
  auditUpdate,
  deadlinePolicy,
  policyKey,
  upsertDeadlinePolicy,
} from '../../contracts/findings.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as service from './audit-deadlines.service.ts';

/** The audit and policy changes that move findings' deadlines (`audit-deadlines.service.ts`). */
export function auditDeadlinesRoutes(app: ZodApp) {
  const one = orgParams.extend({ auditRef: z.string().min(1).max(60) });
  app.patch(
    '/api/v1/orgs/:org/audits/:auditRef',
    {
      config: { policy: 'audit.manage' },
      schema: {
        tags: ['audits'],
        summary: 'Update an audit (deadlines follow)',
        params: one,
        body: auditUpdate,
        response: { 200: auditSummary },
      },
    },
    async (req) => service.updateAudit({ ...req.body, ref: req.params.auditRef }, orgCtx(req)),
  );
  app.put(
    '/api/v1/orgs/:org/deadline-policies/:key',
    {
      config: { policy: 'deadline_policy.manage' },
      schema: {
        tags: ['audits'],
        summary: 'Create or edit a deadline policy',
        params: orgParams.extend({ key: policyKey }),
        body: upsertDeadlinePolicy,
        response: { 200: deadlinePolicy },
      },
    },
    async (req) => service.saveDeadlinePolicy({ ...req.body, key: req.params.key }, orgCtx(req)),
  );
}
