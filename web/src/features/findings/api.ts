import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { paged } from '../../../../src/contracts/common.ts';
import {
  amendment,
  type amendmentInput,
  type commentRequest,
  correctiveAction,
  type correctiveActionInput,
  type correctiveActionUpdate,
  evidenceFile,
  findingDetail,
  type recordUpdate,
  type transitionRequest,
} from '../../../../src/contracts/corrective-actions.ts';
import {
  type effectivenessPlanInput,
  type effectivenessResultInput,
  effectivenessView,
} from '../../../../src/contracts/effectiveness.ts';
import {
  type findingInput,
  type findingQuery,
  findingSummary,
  type findingUpdate,
} from '../../../../src/contracts/findings.ts';
import { apiUrl, type PageArgs, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const findingKeys = featureKeys('findings');
export type FindingFilters = Partial<z.input<typeof findingQuery>>;
type One = { org: string; findingId: string };

export const findingsApi = {
  list: (org: string, query: FindingFilters & PageArgs) =>
    request('GET', '/api/v1/orgs/:org/findings', { params: { org }, query, response: paged(findingSummary) }),
  create: (org: string, auditRef: string, body: z.input<typeof findingInput>) =>
    request('POST', '/api/v1/orgs/:org/audits/:auditRef/findings', {
      params: { org, auditRef },
      body,
      response: findingSummary,
    }),
  update: (p: One, body: z.input<typeof findingUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/findings/:findingId', { params: p, body, response: findingSummary }),
  removeAction: (p: One & { actionId: string }) =>
    request('DELETE', '/api/v1/orgs/:org/findings/:findingId/actions/:actionId', { params: p }),
  detail: (p: One) =>
    request('GET', '/api/v1/orgs/:org/findings/:findingId', { params: p, response: findingDetail }),
  transition: (p: One, body: z.input<typeof transitionRequest>) =>
    request('POST', '/api/v1/orgs/:org/findings/:findingId/transitions', { params: p, body }),
  comment: (p: One, body: z.input<typeof commentRequest>) =>
    request('POST', '/api/v1/orgs/:org/findings/:findingId/comments', { params: p, body }),
  updateRecord: (p: One, body: z.input<typeof recordUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/findings/:findingId/record', { params: p, body }),
  addAction: (p: One, body: z.input<typeof correctiveActionInput>) =>
    request('POST', '/api/v1/orgs/:org/findings/:findingId/actions', {
      params: p,
      body,
      response: correctiveAction,
    }),
  updateAction: (p: One & { actionId: string }, body: z.input<typeof correctiveActionUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/findings/:findingId/actions/:actionId', {
      params: p,
      body,
      response: correctiveAction,
    }),
  addAmendment: (p: One, body: z.input<typeof amendmentInput>) =>
    request('POST', '/api/v1/orgs/:org/findings/:findingId/amendments', {
      params: p,
      body,
      response: amendment,
    }),
  planEffectiveness: (p: One, body: z.input<typeof effectivenessPlanInput>) =>
    request('PUT', '/api/v1/orgs/:org/findings/:findingId/effectiveness-review', {
      params: p,
      body,
      response: effectivenessView,
    }),
  recordEffectiveness: (p: One, body: z.input<typeof effectivenessResultInput>) =>
    request('POST', '/api/v1/orgs/:org/findings/:findingId/effectiveness-review/result', {
      params: p,
      body,
      response: effectivenessView,
    }),
  /** Multipart: `attachedTo`, `attachedId`, `description`, `file`. */
  attachEvidence: (p: One, form: FormData) =>
    request('POST', '/api/v1/orgs/:org/findings/:findingId/evidence', {
      params: p,
      body: form,
      response: evidenceFile,
    }),
  evidenceUrl: (p: One & { evidenceId: string }) =>
    apiUrl('/api/v1/orgs/:org/findings/:findingId/evidence/:evidenceId', p),
  logReportUrl: (org: string, format: 'pdf' | 'xlsx') =>
    apiUrl('/api/v1/orgs/:org/reports/:kind', { org, kind: 'corrective-action-log' }, { format }),
};

export const findingQueries = {
  list: (org: string, query: FindingFilters & PageArgs) =>
    queryOptions({ queryKey: findingKeys.list(org, query), queryFn: () => findingsApi.list(org, query) }),
  detail: (org: string, findingId: string) =>
    queryOptions({
      queryKey: findingKeys.detail(org, findingId),
      queryFn: () => findingsApi.detail({ org, findingId }),
    }),
};
