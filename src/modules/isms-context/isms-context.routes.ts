import { orgParams } from '../../contracts/common.ts';
import { contextInput, ismsContext } from '../../contracts/isms-context.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as service from './isms-context.service.ts';

export function ismsContextRoutes(app: ZodApp) {
  const tags = ['context of the organisation'];
  const path = '/api/v1/orgs/:org/context';
  app.get(
    path,
    {
      config: { policy: 'context.read' },
      schema: {
        tags,
        summary: 'Issues (4.1), interested parties (4.2) and the climate-change determination (Amd 1:2024)',
        params: orgParams,
        response: { 200: ismsContext },
      },
    },
    async (req) => service.showContext({}, orgCtx(req)),
  );
  app.put(
    path,
    {
      config: { policy: 'context.manage' },
      schema: {
        tags,
        summary: 'Replace the context of the organisation',
        params: orgParams,
        body: contextInput,
        response: { 200: ismsContext },
      },
    },
    async (req) => service.saveContext(req.body, orgCtx(req)),
  );
}
