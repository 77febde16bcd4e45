import { orgParams, paged, pageQuery } from '../../contracts/common.ts';
import { auditEntry, auditQuery, auditVerification } from '../../contracts/foundation.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as service from './audit-log.service.ts';

export function auditLogRoutes(app: ZodApp) {
  const tags = ['audit trail'];
  app.get(
    '/api/v1/orgs/:org/audit-log',
    {
      config: { policy: 'audit_log.read' },
      schema: {
        tags,
        summary: 'The audit trail, newest first, with filters',
        params: orgParams,
        querystring: pageQuery.extend(auditQuery.shape),
        response: { 200: paged(auditEntry) },
      },
    },
    async (req) => service.listAuditTrail(req.query, orgCtx(req)),
  );
  app.get(
    '/api/v1/orgs/:org/audit-log/verify',
    {
      config: { policy: 'audit_log.verify' },
      schema: {
        tags,
        summary: 'Recompute the hash chain and report the first broken entry',
        params: orgParams,
        response: { 200: auditVerification },
      },
    },
    async (req) => service.verifyOrganisationTrail({}, orgCtx(req)),
  );
}
