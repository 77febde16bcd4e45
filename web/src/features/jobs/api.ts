import { queryOptions } from '@tanstack/react-query';
import { paged } from '../../../../src/contracts/common.ts';
import { failedJob, jobRetryOutcome } from '../../../../src/contracts/jobs.ts';
import { type PageArgs, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const jobKeys = featureKeys('jobs');
/** The instance's own dead letters belong to no organisation. */
export const instanceJobKeys = (page: PageArgs) => ['instance', 'jobs', 'failed', page] as const;

export const jobsApi = {
  failed: (org: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/jobs/failed', { params: { org }, query, response: paged(failedJob) }),
  retry: (org: string, failureId: string) =>
    request('POST', '/api/v1/orgs/:org/jobs/failed/:failureId/retry', {
      params: { org, failureId },
      response: jobRetryOutcome,
    }),
  instanceFailed: (query: PageArgs) =>
    request('GET', '/api/v1/instance/jobs/failed', { params: {}, query, response: paged(failedJob) }),
  instanceRetry: (failureId: string) =>
    request('POST', '/api/v1/instance/jobs/failed/:failureId/retry', {
      params: { failureId },
      response: jobRetryOutcome,
    }),
};

export const jobQueries = {
  failed: (org: string, page: PageArgs) =>
    queryOptions({ queryKey: jobKeys.list(org, page), queryFn: () => jobsApi.failed(org, page) }),
  instanceFailed: (page: PageArgs) =>
    queryOptions({ queryKey: instanceJobKeys(page), queryFn: () => jobsApi.instanceFailed(page) }),
};
