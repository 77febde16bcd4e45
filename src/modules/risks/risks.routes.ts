import { orgParams, paged, pageQuery } from '../../contracts/common.ts';
import { heatMaps, risk, riskInput, riskMatrix, riskRef, riskUpdate } from '../../contracts/isms-risks.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as service from './risks.service.ts';

export function risksRoutes(app: ZodApp) {
  const tags = ['risk register'];
  const one = orgParams.extend({ riskRef });
  app.get(
    '/api/v1/orgs/:org/risks',
    {
      config: { policy: 'risk.read' },
      schema: {
        tags,
        summary: 'Risk register: inherent and residual ratings, treatment, linked Annex A controls',
        params: orgParams,
        querystring: pageQuery,
        response: { 200: paged(risk) },
      },
    },
    async (req) => service.listRisks(req.query, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/risks',
    {
      config: { policy: 'risk.manage' },
      schema: { tags, summary: 'Record a risk', params: orgParams, body: riskInput, response: { 201: risk } },
    },
    async (req, reply) => reply.status(201).send(await service.createRisk(req.body, orgCtx(req))),
  );
  app.get(
    '/api/v1/orgs/:org/risks/:riskRef',
    {
      config: { policy: 'risk.read' },
      schema: { tags, summary: 'One risk', params: one, response: { 200: risk } },
    },
    async (req) => service.showRisk({ ref: req.params.riskRef }, orgCtx(req)),
  );
  app.patch(
    '/api/v1/orgs/:org/risks/:riskRef',
    {
      config: { policy: 'risk.manage' },
      schema: { tags, summary: 'Update a risk', params: one, body: riskUpdate, response: { 200: risk } },
    },
    async (req) => service.updateRisk({ ...req.body, ref: req.params.riskRef }, orgCtx(req)),
  );
  app.get(
    '/api/v1/orgs/:org/risk-heatmap',
    {
      config: { policy: 'risk.read' },
      schema: {
        tags,
        summary: 'Inherent and residual heat maps on the organisation’s matrix',
        params: orgParams,
        response: { 200: heatMaps },
      },
    },
    async (req) => service.heatMaps({}, orgCtx(req)),
  );
  app.get(
    '/api/v1/orgs/:org/risk-matrix',
    {
      config: { policy: 'risk.read' },
      schema: {
        tags,
        summary: 'Likelihood and impact scales, bands and acceptance threshold',
        params: orgParams,
        response: { 200: riskMatrix },
      },
    },
    async (req) => service.showMatrix({}, orgCtx(req)),
  );
  app.put(
    '/api/v1/orgs/:org/risk-matrix',
    {
      config: { policy: 'risk.manage' },
      schema: {
        tags,
        summary: 'Replace the risk matrix (refused if a recorded rating would fall outside it)',
        params: orgParams,
        body: riskMatrix,
        response: { 200: riskMatrix },
      },
    },
    async (req) => service.saveMatrix(req.body, orgCtx(req)),
  );
}
