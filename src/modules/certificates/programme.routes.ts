import { z } from 'zod';
import { auditProgramme } from '../../contracts/certification-internal-audits.ts';
import { isoDate, orgParams } from '../../contracts/common.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { programmeOverCycle } from './cycle-history.service.ts';

// The internal audit programme over the certification cycle. It is mounted here, not by internal-audits,
// because the default window is the current certificate's: internal-audits computes coverage for a
// window and knows nothing of certificates (certificates depends on internal-audits, not the reverse).
export function programmeRoutes(app: ZodApp) {
  app.get(
    '/api/v1/orgs/:org/internal-audits/programme',
    {
      config: { policy: 'internal_audit.read' },
      schema: {
        tags: ['internal audits'],
        summary:
          'The audit programme: coverage of clauses 4–10 and applicable controls over the cycle, gaps, audits',
        params: orgParams,
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
        response: { 200: auditProgramme },
      },
    },
    async (req) => programmeOverCycle(req.query, orgCtx(req)),
  );
}
