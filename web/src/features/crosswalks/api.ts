import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  crosswalk,
  crosswalkOverride,
  type Framework,
  type overrideInput,
} from '../../../../src/contracts/isms-crosswalks.ts';
import { apiUrl, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const crosswalkKeys = featureKeys('crosswalks');
type One = { org: string; framework: Framework };

export const crosswalksApi = {
  crosswalk: (p: One) =>
    request('GET', '/api/v1/orgs/:org/crosswalks/:framework', { params: p, response: crosswalk }),
  exportUrl: (p: One, format: 'pdf' | 'xlsx') =>
    apiUrl('/api/v1/orgs/:org/crosswalks/:framework/export', p, { format }),
  overrides: (p: One) =>
    request('GET', '/api/v1/orgs/:org/crosswalks/:framework/overrides', {
      params: p,
      response: z.array(crosswalkOverride),
    }),
  saveOverride: (p: One, body: z.input<typeof overrideInput>) =>
    request('PUT', '/api/v1/orgs/:org/crosswalks/:framework/overrides', {
      params: p,
      body,
      response: z.array(crosswalkOverride),
    }),
  removeOverride: (p: One & { overrideId: string }) =>
    request('DELETE', '/api/v1/orgs/:org/crosswalks/:framework/overrides/:overrideId', { params: p }),
};

export const crosswalkQueries = {
  crosswalk: (p: One) =>
    queryOptions({
      queryKey: crosswalkKeys.detail(p.org, p.framework),
      queryFn: () => crosswalksApi.crosswalk(p),
    }),
  overrides: (p: One) =>
    queryOptions({
      queryKey: crosswalkKeys.part(p.org, 'detail', p.framework, 'overrides'),
      queryFn: () => crosswalksApi.overrides(p),
    }),
};
