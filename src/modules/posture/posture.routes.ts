import { z } from 'zod';
import { orgParams } from '../../contracts/common.ts';
import {
  postureDashboard as dashboardSchema,
  fastestPathResponse,
  historyQuery,
  postureHistory as historySchema,
  postureExplanation,
  postureSummary,
  projectionRequest,
  projectionResponse,
  rankedAction,
  rankedQuery,
} from '../../contracts/posture.ts';
import { orgCtx } from '../../http/gate.ts';
import { media } from '../../http/openapi.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { renderPdf } from '../../reports/pdf.ts';
import { postureDashboard } from './posture.dashboard.ts';
import { postureHistory } from './posture.history.ts';
import { fastestPathPlan } from './posture.path.ts';
import { executiveSummary } from './posture.report.ts';
import * as service from './posture.service.ts';

// The posture API (routes are thin: validate, call one use-case, present through the response schema).
export function postureRoutes(app: ZodApp) {
  const tags = ['posture and readiness'];
  const base = '/api/v1/orgs/:org/posture';
  const config = { policy: 'posture.read' as const };

  app.get(
    base,
    {
      config,
      schema: {
        tags,
        summary:
          'Readiness and implementation scores (0–100), certification readiness, the top 10 actions and the 90-day trend',
        params: orgParams,
        response: { 200: postureSummary },
      },
    },
    async (req) => service.getPosture(undefined, orgCtx(req)),
  );
  app.get(
    `${base}/explanation`,
    {
      config,
      schema: {
        tags,
        summary: 'Every contribution of every control, document and finding, and the model weights',
        params: orgParams,
        response: { 200: postureExplanation },
      },
    },
    async (req) => service.explainPosture(undefined, orgCtx(req)),
  );
  app.get(
    `${base}/actions`,
    {
      config,
      schema: {
        tags,
        summary: 'Open corrective actions ranked by effect on the scores per day of effort',
        params: orgParams,
        querystring: rankedQuery,
        response: { 200: z.object({ model: z.string(), actions: z.array(rankedAction) }) },
      },
    },
    async (req) => service.rankedActions(req.query, orgCtx(req)),
  );
  app.post(
    `${base}/projection`,
    {
      config,
      schema: {
        tags,
        summary: 'The scores if the chosen actions, tasks or findings were done (nothing is written)',
        params: orgParams,
        body: projectionRequest,
        response: { 200: projectionResponse },
      },
    },
    async (req) => service.projectSelection(req.body, orgCtx(req)),
  );
  app.get(
    `${base}/fastest-path`,
    {
      config,
      schema: {
        tags,
        summary: 'The order that reaches a `recommended` decision soonest, laid out by the planner',
        params: orgParams,
        response: { 200: fastestPathResponse },
      },
    },
    async (req) => fastestPathPlan(undefined, orgCtx(req)),
  );
  app.get(
    `${base}/history`,
    {
      config,
      schema: {
        tags,
        summary: 'Recorded figures (on each change and daily) over the last days',
        params: orgParams,
        querystring: historyQuery,
        response: { 200: historySchema },
      },
    },
    async (req) => postureHistory(req.query, orgCtx(req)),
  );
  app.get(
    `${base}/dashboard`,
    {
      config,
      schema: {
        tags,
        summary: 'Burn-down against the deadlines, open findings by grade and requirement, overdue items',
        params: orgParams,
        response: { 200: dashboardSchema },
      },
    },
    async (req) => postureDashboard(undefined, orgCtx(req)),
  );
  app.get(
    `${base}/summary.pdf`,
    {
      config,
      schema: {
        tags,
        summary: 'The one-page executive summary as PDF',
        params: orgParams,
        produces: [media.pdf],
      },
    },
    async (req, reply) => {
      const doc = await executiveSummary(undefined, orgCtx(req));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="posture-${req.params.org}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(await renderPdf(doc));
    },
  );
}
