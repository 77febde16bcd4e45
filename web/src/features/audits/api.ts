import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { paged } from '../../../../src/contracts/common.ts';
import {
  type auditInput,
  auditSummary,
  type auditUpdate,
  deadlinePolicy,
  importReport,
  type upsertDeadlinePolicy,
} from '../../../../src/contracts/findings.ts';
import { apiUrl, type PageArgs, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export type Audit = z.infer<typeof auditSummary>;
export const auditKeys = featureKeys('audits');
export const policyKeys = featureKeys('deadline-policies');

export const auditsApi = {
  list: (org: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/audits', { params: { org }, query, response: paged(auditSummary) }),
  detail: (org: string, auditRef: string) =>
    request('GET', '/api/v1/orgs/:org/audits/:auditRef', {
      params: { org, auditRef },
      response: auditSummary,
    }),
  update: (org: string, auditRef: string, body: z.input<typeof auditUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/audits/:auditRef', {
      params: { org, auditRef },
      body,
      response: auditSummary,
    }),
  create: (org: string, body: z.input<typeof auditInput>) =>
    request('POST', '/api/v1/orgs/:org/audits', { params: { org }, body, response: auditSummary }),
  /** Multipart: `file` (CSV/XLSX), `mapping` (JSON), `dryRun`. */
  importReport: (org: string, auditRef: string, form: FormData) =>
    request('POST', '/api/v1/orgs/:org/audits/:auditRef/import', {
      params: { org, auditRef },
      body: form,
      response: importReport,
    }),
  importTemplateUrl: (org: string) => apiUrl('/api/v1/orgs/:org/findings-import/template.csv', { org }),
  reportUrl: (org: string, kind: string, query: { audit?: string; format: 'pdf' | 'xlsx' | 'zip' }) =>
    apiUrl('/api/v1/orgs/:org/reports/:kind', { org, kind }, query),
  policies: (org: string) =>
    request('GET', '/api/v1/orgs/:org/deadline-policies', {
      params: { org },
      response: deadlinePolicy.array(),
    }),
  savePolicy: (org: string, key: string, body: z.input<typeof upsertDeadlinePolicy>) =>
    request('PUT', '/api/v1/orgs/:org/deadline-policies/:key', {
      params: { org, key },
      body,
      response: deadlinePolicy,
    }),
};

export const auditQueries = {
  list: (org: string, page: PageArgs) =>
    queryOptions({ queryKey: auditKeys.list(org, page), queryFn: () => auditsApi.list(org, page) }),
  detail: (org: string, auditRef: string) =>
    queryOptions({
      queryKey: auditKeys.detail(org, auditRef),
      queryFn: () => auditsApi.detail(org, auditRef),
    }),
  policies: (org: string) =>
    queryOptions({ queryKey: policyKeys.list(org), queryFn: () => auditsApi.policies(org) }),
};
