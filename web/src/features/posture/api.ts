import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  fastestPathResponse,
  postureDashboard,
  postureExplanation,
  postureSummary,
  type projectionRequest,
  projectionResponse,
} from '../../../../src/contracts/posture.ts';
import { apiUrl, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const postureKeys = featureKeys('posture');
type Projection = z.input<typeof projectionRequest>;

export const postureApi = {
  summary: (org: string) =>
    request('GET', '/api/v1/orgs/:org/posture', { params: { org }, response: postureSummary }),
  dashboard: (org: string) =>
    request('GET', '/api/v1/orgs/:org/posture/dashboard', { params: { org }, response: postureDashboard }),
  explanation: (org: string) =>
    request('GET', '/api/v1/orgs/:org/posture/explanation', {
      params: { org },
      response: postureExplanation,
    }),
  fastestPath: (org: string) =>
    request('GET', '/api/v1/orgs/:org/posture/fastest-path', {
      params: { org },
      response: fastestPathResponse,
    }),
  projection: (org: string, body: Projection) =>
    request('POST', '/api/v1/orgs/:org/posture/projection', {
      params: { org },
      body,
      response: projectionResponse,
    }),
  summaryPdfUrl: (org: string) => apiUrl('/api/v1/orgs/:org/posture/summary.pdf', { org }),
};

export const postureQueries = {
  summary: (org: string) =>
    queryOptions({ queryKey: postureKeys.part(org, 'summary'), queryFn: () => postureApi.summary(org) }),
  dashboard: (org: string) =>
    queryOptions({ queryKey: postureKeys.part(org, 'dashboard'), queryFn: () => postureApi.dashboard(org) }),
  explanation: (org: string) =>
    queryOptions({
      queryKey: postureKeys.part(org, 'explanation'),
      queryFn: () => postureApi.explanation(org),
    }),
  fastestPath: (org: string) =>
    queryOptions({
      queryKey: postureKeys.part(org, 'fastest-path'),
      queryFn: () => postureApi.fastestPath(org),
    }),
  /** What-if projections change with the plan: keyed under posture so a finding or task change refreshes them. */
  projection: (org: string, key: string, body: Projection) =>
    queryOptions({
      queryKey: postureKeys.part(org, 'projection', key),
      queryFn: () => postureApi.projection(org, body),
    }),
};
