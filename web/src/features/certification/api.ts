import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  certificate,
  type certificateInput,
  cycleEvent,
  recertificationReadiness,
  timelineEntry,
} from '../../../../src/contracts/certification.ts';
import {
  managementReview,
  type managementReviewInput,
  type managementReviewUpdate,
} from '../../../../src/contracts/certification-reviews.ts';
import { paged } from '../../../../src/contracts/common.ts';
import { apiUrl, type PageArgs, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const certificationKeys = featureKeys('certification');
export const reviewKeys = featureKeys('management-reviews');
type One = { org: string; certificateId: string };

export const certificationApi = {
  list: (org: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/certificates', {
      params: { org },
      query,
      response: paged(certificate),
    }),
  create: (org: string, body: z.input<typeof certificateInput>) =>
    request('POST', '/api/v1/orgs/:org/certificates', { params: { org }, body, response: certificate }),
  setTask: (p: One & { taskId: string }, done: boolean) =>
    request('PUT', '/api/v1/orgs/:org/certificates/:certificateId/tasks/:taskId', {
      params: p,
      body: { done },
      response: certificate,
    }),
  uploadFile: (p: One, form: FormData) =>
    request('POST', '/api/v1/orgs/:org/certificates/:certificateId/file', {
      params: p,
      body: form,
      response: certificate,
    }),
  fileUrl: (p: One) => apiUrl('/api/v1/orgs/:org/certificates/:certificateId/file', p),
  calendar: (p: One) =>
    request('GET', '/api/v1/orgs/:org/certificates/:certificateId/calendar', {
      params: p,
      response: z.array(cycleEvent),
    }),
  readiness: (p: One) =>
    request('GET', '/api/v1/orgs/:org/certificates/:certificateId/readiness', {
      params: p,
      response: recertificationReadiness,
    }),
  timeline: (org: string) =>
    request('GET', '/api/v1/orgs/:org/certification/timeline', {
      params: { org },
      response: z.array(timelineEntry),
    }),
  reviews: (org: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/management-reviews', {
      params: { org },
      query,
      response: paged(managementReview),
    }),
  createReview: (org: string, body: z.input<typeof managementReviewInput>) =>
    request('POST', '/api/v1/orgs/:org/management-reviews', {
      params: { org },
      body,
      response: managementReview,
    }),
  updateReview: (org: string, reviewId: string, body: z.input<typeof managementReviewUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/management-reviews/:reviewId', {
      params: { org, reviewId },
      body,
      response: managementReview,
    }),
  minutesUrl: (org: string, reviewId: string) =>
    apiUrl('/api/v1/orgs/:org/management-reviews/:reviewId/minutes', { org, reviewId }),
};

export const certificationQueries = {
  list: (org: string, page: PageArgs) =>
    queryOptions({
      queryKey: certificationKeys.list(org, page),
      queryFn: () => certificationApi.list(org, page),
    }),
  timeline: (org: string) =>
    queryOptions({
      queryKey: certificationKeys.part(org, 'timeline'),
      queryFn: () => certificationApi.timeline(org),
    }),
  calendar: (p: One) =>
    queryOptions({
      queryKey: certificationKeys.part(p.org, 'detail', p.certificateId, 'calendar'),
      queryFn: () => certificationApi.calendar(p),
    }),
  readiness: (p: One) =>
    queryOptions({
      queryKey: certificationKeys.part(p.org, 'detail', p.certificateId, 'readiness'),
      queryFn: () => certificationApi.readiness(p),
    }),
  reviews: (org: string, page: PageArgs) =>
    queryOptions({
      queryKey: reviewKeys.list(org, page),
      queryFn: () => certificationApi.reviews(org, page),
    }),
};
