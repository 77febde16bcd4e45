import { id, orgParams } from '../../contracts/common.ts';
import {
  effectivenessPlanInput,
  effectivenessResultInput,
  effectivenessView,
} from '../../contracts/effectiveness.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { getEffectiveness } from '../findings/index.ts';
import * as writes from './effectiveness.service.ts';

const service = { getEffectiveness, ...writes };

// Review of effectiveness (ISO/IEC 27001:2022 10.2 d). Planning is the ISMS manager's; the result is
// recorded by an assurance role who did not implement the actions (checked in the domain rule).
export function effectivenessRoutes(app: ZodApp) {
  const tags = ['corrective action record'];
  const one = orgParams.extend({ findingId: id });
  app.get(
    '/api/v1/orgs/:org/findings/:findingId/effectiveness-review',
    {
      config: { policy: 'finding.read' },
      schema: {
        tags,
        summary: 'The review of effectiveness of the corrective action (10.2 d) and earlier reviews',
        params: one,
        response: { 200: effectivenessView },
      },
    },
    async (req) => service.getEffectiveness({ findingId: req.params.findingId }, orgCtx(req)),
  );
  app.put(
    '/api/v1/orgs/:org/findings/:findingId/effectiveness-review',
    {
      config: { policy: 'finding.manage' },
      schema: {
        tags,
        summary: 'Plan the review of effectiveness: criteria, due date, reviewer (not an implementer)',
        params: one,
        body: effectivenessPlanInput,
        response: { 200: effectivenessView },
      },
    },
    async (req) =>
      service.planEffectivenessReview({ ...req.body, findingId: req.params.findingId }, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/findings/:findingId/effectiveness-review/result',
    {
      config: { policy: 'finding.review_effectiveness' },
      schema: {
        tags,
        summary: 'Record the result of the review; not effective reopens the corrective action (10.2 b)',
        params: one,
        body: effectivenessResultInput,
        response: { 200: effectivenessView },
      },
    },
    async (req) =>
      service.recordEffectivenessResult({ ...req.body, findingId: req.params.findingId }, orgCtx(req)),
  );
}
