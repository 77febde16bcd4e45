import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { paged } from '../../../../src/contracts/common.ts';
import {
  apiToken,
  auditEntry,
  type auditQuery,
  auditVerification,
  type createApiTokenRequest,
  createdApiToken,
  mailMessage,
  organisationSettings,
} from '../../../../src/contracts/foundation.ts';
import { type PageArgs, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const settingsKeys = featureKeys('settings');
export const tokenKeys = featureKeys('tokens');
export const outboxKeys = featureKeys('mail-outbox');
export const auditLogKeys = featureKeys('audit-log');
export type AuditLogFilters = Partial<z.input<typeof auditQuery>>;

export const settingsApi = {
  settings: (org: string) =>
    request('GET', '/api/v1/orgs/:org/settings', { params: { org }, response: organisationSettings }),
  saveSettings: (org: string, body: z.input<typeof organisationSettings>) =>
    request('PUT', '/api/v1/orgs/:org/settings', { params: { org }, body, response: organisationSettings }),
  tokens: (org: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/api-tokens', { params: { org }, query, response: paged(apiToken) }),
  createToken: (org: string, body: z.input<typeof createApiTokenRequest>) =>
    request('POST', '/api/v1/orgs/:org/api-tokens', { params: { org }, body, response: createdApiToken }),
  revokeToken: (org: string, tokenId: string) =>
    request('DELETE', '/api/v1/orgs/:org/api-tokens/:tokenId', { params: { org, tokenId } }),
  outbox: (org: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/mail-outbox', { params: { org }, query, response: paged(mailMessage) }),
  auditLog: (org: string, query: AuditLogFilters & PageArgs) =>
    request('GET', '/api/v1/orgs/:org/audit-log', { params: { org }, query, response: paged(auditEntry) }),
  verifyAuditLog: (org: string) =>
    request('GET', '/api/v1/orgs/:org/audit-log/verify', { params: { org }, response: auditVerification }),
};

export const settingsQueries = {
  settings: (org: string) =>
    queryOptions({
      queryKey: settingsKeys.detail(org, 'organisation'),
      queryFn: () => settingsApi.settings(org),
    }),
  tokens: (org: string, page: PageArgs) =>
    queryOptions({ queryKey: tokenKeys.list(org, page), queryFn: () => settingsApi.tokens(org, page) }),
  outbox: (org: string, page: PageArgs) =>
    queryOptions({ queryKey: outboxKeys.list(org, page), queryFn: () => settingsApi.outbox(org, page) }),
  auditLog: (org: string, query: AuditLogFilters & PageArgs) =>
    queryOptions({
      queryKey: auditLogKeys.list(org, query),
      queryFn: () => settingsApi.auditLog(org, query),
    }),
};
