import { z } from 'zod';
import {
  checkUpdate,
  internalAuditDetail,
  internalAuditInput,
  pendingVerification,
  raiseFindingInput,
} from '../../contracts/certification-internal-audits.ts';
import { id, orgParams } from '../../contracts/common.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { raiseFinding, recordCheck } from './checks.service.ts';
import * as service from './internal-audits.service.ts';
import { pendingVerifications } from './verification.service.ts';

export function internalAuditsRoutes(app: ZodApp) {
  const tags = ['internal audits'];
  const base = '/api/v1/orgs/:org/internal-audits';
  const one = orgParams.extend({ auditRef: z.string().min(1).max(60) });
  const check = one.extend({ checkId: id });
  app.get(
    `${base}/verifications`,
    {
      config: { policy: 'internal_audit.read' },
      schema: {
        tags,
        summary: 'Corrective actions waiting for internal verification',
        params: orgParams,
        response: { 200: z.array(pendingVerification) },
      },
    },
    async (req) => pendingVerifications({}, orgCtx(req)),
  );
  app.post(
    base,
    {
      config: { policy: 'internal_audit.plan' },
      schema: {
        tags,
        summary: 'Plan an internal audit; its checklist is generated from the requirements in scope',
        params: orgParams,
        body: internalAuditInput,
        response: { 201: internalAuditDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.planInternalAudit(req.body, orgCtx(req))),
  );
  app.get(
    `${base}/:auditRef`,
    {
      config: { policy: 'internal_audit.read' },
      schema: {
        tags,
        summary: 'An internal audit with its checklist and results',
        params: one,
        response: { 200: internalAuditDetail },
      },
    },
    async (req) => service.showInternalAudit({ ref: req.params.auditRef }, orgCtx(req)),
  );
  app.patch(
    `${base}/:auditRef/checks/:checkId`,
    {
      config: { policy: 'internal_audit.perform' },
      schema: {
        tags,
        summary: 'Record the result of a checklist item, with evidence and sampling',
        params: check,
        body: checkUpdate,
        response: { 200: internalAuditDetail },
      },
    },
    async (req) => recordCheck({ ...req.body, ...req.params }, orgCtx(req)),
  );
  app.post(
    `${base}/:auditRef/checks/:checkId/finding`,
    {
      config: { policy: 'internal_audit.perform' },
      schema: {
        tags,
        summary: 'Raise the graded result as a finding of this internal audit',
        params: check,
        body: raiseFindingInput,
        response: { 201: z.object({ findingId: id, audit: internalAuditDetail }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await raiseFinding({ ...req.body, ...req.params }, orgCtx(req))),
  );
}
