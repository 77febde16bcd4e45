import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { paged } from '../../../../src/contracts/common.ts';
import {
  type documentInput,
  documentReadiness,
  type documentUpdate,
  ismsDocument,
  reminderResult,
} from '../../../../src/contracts/isms-documents.ts';
import { type PageArgs, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const documentKeys = featureKeys('documents');

export const documentsApi = {
  list: (org: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/documents', { params: { org }, query, response: paged(ismsDocument) }),
  create: (org: string, body: z.input<typeof documentInput>) =>
    request('POST', '/api/v1/orgs/:org/documents', { params: { org }, body, response: ismsDocument }),
  update: (org: string, documentRef: string, body: z.input<typeof documentUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/documents/:documentRef', {
      params: { org, documentRef },
      body,
      response: ismsDocument,
    }),
  readiness: (org: string) =>
    request('GET', '/api/v1/orgs/:org/document-readiness', { params: { org }, response: documentReadiness }),
  sendReminders: (org: string, body: { days?: number } = {}) =>
    request('POST', '/api/v1/orgs/:org/document-reminders', {
      params: { org },
      body,
      response: reminderResult,
    }),
};

export const documentQueries = {
  list: (org: string, page: PageArgs) =>
    queryOptions({ queryKey: documentKeys.list(org, page), queryFn: () => documentsApi.list(org, page) }),
  readiness: (org: string) =>
    queryOptions({
      queryKey: documentKeys.part(org, 'readiness'),
      queryFn: () => documentsApi.readiness(org),
    }),
};
