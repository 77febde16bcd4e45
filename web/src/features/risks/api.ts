import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { paged } from '../../../../src/contracts/common.ts';
import {
  heatMaps,
  risk,
  type riskInput,
  riskMatrix,
  type riskUpdate,
} from '../../../../src/contracts/isms-risks.ts';
import { type PageArgs, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const riskKeys = featureKeys('risks');

export const risksApi = {
  list: (org: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/risks', { params: { org }, query, response: paged(risk) }),
  create: (org: string, body: z.input<typeof riskInput>) =>
    request('POST', '/api/v1/orgs/:org/risks', { params: { org }, body, response: risk }),
  update: (org: string, riskRef: string, body: z.input<typeof riskUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/risks/:riskRef', { params: { org, riskRef }, body, response: risk }),
  heatMaps: (org: string) =>
    request('GET', '/api/v1/orgs/:org/risk-heatmap', { params: { org }, response: heatMaps }),
  saveMatrix: (org: string, body: z.input<typeof riskMatrix>) =>
    request('PUT', '/api/v1/orgs/:org/risk-matrix', { params: { org }, body, response: riskMatrix }),
};

export const riskQueries = {
  list: (org: string, page: PageArgs) =>
    queryOptions({ queryKey: riskKeys.list(org, page), queryFn: () => risksApi.list(org, page) }),
  heatMaps: (org: string) =>
    queryOptions({ queryKey: riskKeys.part(org, 'heat'), queryFn: () => risksApi.heatMaps(org) }),
};
