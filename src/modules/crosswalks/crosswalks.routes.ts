import { z } from 'zod';
import { orgParams } from '../../contracts/common.ts';
import { crosswalk, crosswalkOverride, framework, overrideInput } from '../../contracts/isms-crosswalks.ts';
import { orgCtx } from '../../http/gate.ts';
import { media } from '../../http/openapi.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { crosswalkExport } from './crosswalks.report.ts';
import * as service from './crosswalks.service.ts';

export function crosswalksRoutes(app: ZodApp) {
  const tags = ['crosswalks'];
  const one = orgParams.extend({ framework });
  app.get(
    '/api/v1/orgs/:org/crosswalks/:framework',
    {
      config: { policy: 'crosswalk.read' },
      schema: {
        tags,
        summary: 'Coverage of SOC 2 or NIST CSF 2.0 per criterion / subcategory from the SoA in force',
        params: one,
        response: { 200: crosswalk },
      },
    },
    async (req) => service.showCrosswalk({ framework: req.params.framework }, orgCtx(req)),
  );
  app.get(
    '/api/v1/orgs/:org/crosswalks/:framework/export',
    {
      config: { policy: 'crosswalk.read' },
      schema: {
        tags,
        summary: 'Coverage and gap list as PDF or XLSX',
        params: one,
        querystring: z.object({ format: z.enum(['pdf', 'xlsx']).default('xlsx') }),
        produces: [media.pdf, media.xlsx],
      },
    },
    async (req, reply) => {
      const bytes = await crosswalkExport(
        { framework: req.params.framework, format: req.query.format },
        orgCtx(req),
      );
      const pdf = req.query.format === 'pdf';
      return reply
        .header('cache-control', 'private, no-store')
        .header(
          'content-type',
          pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header(
          'content-disposition',
          `attachment; filename="crosswalk-${req.params.framework}.${req.query.format}"`,
        )
        .send(bytes);
    },
  );
  app.get(
    '/api/v1/orgs/:org/crosswalks/:framework/overrides',
    {
      config: { policy: 'crosswalk.read' },
      schema: {
        tags,
        summary: 'The organisation’s corrections to the shipped mapping',
        params: one,
        response: { 200: z.array(crosswalkOverride) },
      },
    },
    async (req) => service.listOverrides({ framework: req.params.framework }, orgCtx(req)),
  );
  app.put(
    '/api/v1/orgs/:org/crosswalks/:framework/overrides',
    {
      config: { policy: 'crosswalk.manage' },
      schema: {
        tags,
        summary: 'Correct one mapping row (add, change its relationship, or remove it), kept as an override',
        params: one,
        body: overrideInput,
        response: { 200: z.array(crosswalkOverride) },
      },
    },
    async (req) => service.saveOverride({ ...req.body, framework: req.params.framework }, orgCtx(req)),
  );
  app.delete(
    '/api/v1/orgs/:org/crosswalks/:framework/overrides/:overrideId',
    {
      config: { policy: 'crosswalk.manage' },
      schema: {
        tags,
        summary: 'Withdraw a correction: the shipped row applies again',
        params: one.extend({ overrideId: z.string().min(1).max(64) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.removeOverride(
        { framework: req.params.framework, id: req.params.overrideId },
        orgCtx(req),
      );
      return reply.status(204).send(null);
    },
  );
}
