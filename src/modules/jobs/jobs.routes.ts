import { orgParams, paged, pageQuery } from '../../contracts/common.ts';
import {
  failedJob,
  failedJobParams,
  instanceFailedJobParams,
  jobRetryOutcome,
} from '../../contracts/jobs.ts';
import { orgCtx, principalOf } from '../../http/gate.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import * as service from './jobs.service.ts';

// Dead letters in the browser (issue #17). An organisation's failed jobs are its admins' (policy table);
// the instance's own are the instance operators' (`operator`: CLOSELOOP_OPERATORS, refused by default).
export function jobsRoutes(app: ZodApp, deps: ModuleDeps) {
  const tags = ['jobs'];
  app.get(
    '/api/v1/orgs/:org/jobs/failed',
    {
      config: { policy: 'job.read' },
      schema: {
        tags,
        summary: "The organisation's background jobs that failed after their last retry, newest first",
        params: orgParams,
        querystring: pageQuery,
        response: { 200: paged(failedJob) },
      },
    },
    async (req) => service.listOrganisationFailedJobs(req.query, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/jobs/failed/:failureId/retry',
    {
      config: { policy: 'job.retry' },
      schema: {
        tags,
        summary: "Run a failed job's work for the organisation once more (on the audit trail)",
        params: failedJobParams,
        response: { 200: jobRetryOutcome },
      },
    },
    async (req) => service.retryOrganisationFailedJob({ failureId: req.params.failureId }, orgCtx(req)),
  );
  const call = (req: Parameters<typeof principalOf>[0]): service.OperatorCall => ({
    caller: principalOf(req),
    deps: {
      db: deps.database.db,
      kind: deps.database.kind,
      env: deps.env,
      log: deps.log,
      now: () => new Date(),
    },
  });
  app.get(
    '/api/v1/instance/jobs/failed',
    {
      config: { policy: 'operator' },
      schema: {
        tags,
        summary: "The instance's own background jobs that failed after their last retry (operators)",
        querystring: pageQuery,
        response: { 200: paged(failedJob) },
      },
    },
    async (req) => service.listInstanceFailedJobs(req.query, call(req)),
  );
  app.post(
    '/api/v1/instance/jobs/failed/:failureId/retry',
    {
      config: { policy: 'operator' },
      schema: {
        tags,
        summary: 'Run a failed instance job once more (operators; the server log records it)',
        params: instanceFailedJobParams,
        response: { 200: jobRetryOutcome },
      },
    },
    async (req) => service.retryInstanceFailedJob({ failureId: req.params.failureId }, call(req)),
  );
}
