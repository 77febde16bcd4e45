import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  annexAControl,
  type approveSoa,
  type createSoaVersion,
  ismsScope,
  type migration2013Input,
  migration2013Result,
  type otherControlInput,
  type scopeUpdate,
  soaComparison,
  soaEntry,
  type soaEntryUpdate,
  type soaFormats,
  soaVersion,
  soaVersionSummary,
} from '../../../../src/contracts/isms-soa.ts';
import { apiUrl, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const soaKeys = featureKeys('soa');
type Version = { org: string; version: number };

export const soaApi = {
  annexA: () => request('GET', '/api/v1/reference/annex-a', { params: {}, response: z.array(annexAControl) }),
  versions: (org: string) =>
    request('GET', '/api/v1/orgs/:org/soa/versions', {
      params: { org },
      response: z.array(soaVersionSummary),
    }),
  version: (p: Version) =>
    request('GET', '/api/v1/orgs/:org/soa/versions/:version', { params: p, response: soaVersion }),
  createVersion: (org: string, body: z.input<typeof createSoaVersion>) =>
    request('POST', '/api/v1/orgs/:org/soa/versions', { params: { org }, body, response: soaVersion }),
  approve: (p: Version, body: z.input<typeof approveSoa>) =>
    request('POST', '/api/v1/orgs/:org/soa/versions/:version/approval', {
      params: p,
      body,
      response: soaVersion,
    }),
  updateEntry: (p: Version & { controlId: string }, body: z.input<typeof soaEntryUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/soa/versions/:version/controls/:controlId', {
      params: p,
      body,
      response: soaEntry,
    }),
  addOtherControl: (p: Version, body: z.input<typeof otherControlInput>) =>
    request('POST', '/api/v1/orgs/:org/soa/versions/:version/other-controls', {
      params: p,
      body,
      response: soaEntry,
    }),
  updateScope: (p: Version, body: z.input<typeof scopeUpdate>) =>
    request('PUT', '/api/v1/orgs/:org/soa/versions/:version/scope', { params: p, body, response: ismsScope }),
  migrate2013: (p: Version, body: z.input<typeof migration2013Input>) =>
    request('POST', '/api/v1/orgs/:org/soa/versions/:version/migration-2013', {
      params: p,
      body,
      response: migration2013Result,
    }),
  compare: (org: string, from: number, to: number) =>
    request('GET', '/api/v1/orgs/:org/soa/compare', {
      params: { org },
      query: { from, to },
      response: soaComparison,
    }),
  exportUrl: (p: Version, format: (typeof soaFormats)[number]) =>
    apiUrl('/api/v1/orgs/:org/soa/versions/:version/export', p, { format }),
};

export const soaQueries = {
  annexA: () =>
    queryOptions({ queryKey: ['reference', 'annex-a'], queryFn: soaApi.annexA, staleTime: Infinity }),
  versions: (org: string) =>
    queryOptions({ queryKey: soaKeys.list(org), queryFn: () => soaApi.versions(org) }),
  version: (org: string, version: number) =>
    queryOptions({ queryKey: soaKeys.detail(org, version), queryFn: () => soaApi.version({ org, version }) }),
  compare: (org: string, from: number, to: number) =>
    queryOptions({
      queryKey: soaKeys.part(org, 'compare', from, to),
      queryFn: () => soaApi.compare(org, from, to),
    }),
};
