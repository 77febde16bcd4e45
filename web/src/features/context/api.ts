import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { type contextInput, ismsContext } from '../../../../src/contracts/isms-context.ts';
import { request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const contextKeys = featureKeys('context');

export const contextApi = {
  show: (org: string) =>
    request('GET', '/api/v1/orgs/:org/context', { params: { org }, response: ismsContext }),
  save: (org: string, body: z.input<typeof contextInput>) =>
    request('PUT', '/api/v1/orgs/:org/context', { params: { org }, body, response: ismsContext }),
};

export const contextQueries = {
  show: (org: string) =>
    queryOptions({ queryKey: contextKeys.part(org, 'show'), queryFn: () => contextApi.show(org) }),
};
