import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { paged } from '../../../../src/contracts/common.ts';
import {
  objective,
  type objectiveInput,
  type objectiveResultInput,
  type objectiveUpdate,
} from '../../../../src/contracts/isms-objectives.ts';
import { type PageArgs, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const objectiveKeys = featureKeys('objectives');

export const objectivesApi = {
  list: (org: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/objectives', { params: { org }, query, response: paged(objective) }),
  create: (org: string, body: z.input<typeof objectiveInput>) =>
    request('POST', '/api/v1/orgs/:org/objectives', { params: { org }, body, response: objective }),
  update: (org: string, objectiveRef: string, body: z.input<typeof objectiveUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/objectives/:objectiveRef', {
      params: { org, objectiveRef },
      body,
      response: objective,
    }),
  remove: (org: string, objectiveRef: string) =>
    request('DELETE', '/api/v1/orgs/:org/objectives/:objectiveRef', { params: { org, objectiveRef } }),
  record: (org: string, objectiveRef: string, body: z.input<typeof objectiveResultInput>) =>
    request('POST', '/api/v1/orgs/:org/objectives/:objectiveRef/results', {
      params: { org, objectiveRef },
      body,
      response: objective,
    }),
};

export const objectiveQueries = {
  list: (org: string, page: PageArgs) =>
    queryOptions({ queryKey: objectiveKeys.list(org, page), queryFn: () => objectivesApi.list(org, page) }),
};
