import type { QueryClient } from '@tanstack/react-query';

/**
 * Query keys nest from the organisation down: `['org', slug, feature, kind, …]`, so a change invalidates
 * exactly the feature (or the one record) it touched, never the whole cache.
 */
export type Feature =
  | 'audit-log'
  | 'audits'
  | 'calendar-feeds'
  | 'certification'
  | 'context'
  | 'crosswalks'
  | 'deadline-policies'
  | 'documents'
  | 'findings'
  | 'internal-audits'
  | 'invitations'
  | 'jobs'
  | 'mail-outbox'
  | 'objectives'
  | 'management-reviews'
  | 'members'
  | 'plan'
  | 'posture'
  | 'risks'
  | 'settings'
  | 'soa'
  | 'sso'
  | 'tokens'
  | 'trust'
  | 'webhooks';

export const featureKeys = <F extends Feature>(feature: F) => ({
  all: (org: string) => ['org', org, feature] as const,
  list: (org: string, args: object = {}) => ['org', org, feature, 'list', args] as const,
  detail: (org: string, id: string | number) => ['org', org, feature, 'detail', String(id)] as const,
  part: (org: string, ...rest: readonly unknown[]) => ['org', org, feature, ...rest] as const,
});

export const sessionKeys = { me: ['me'] as const, setup: ['setup'] as const, openapi: ['openapi'] as const };

/** Invalidate every query of these features of one organisation. */
export const invalidate = (qc: QueryClient, org: string, ...features: Feature[]) =>
  Promise.all(features.map((f) => qc.invalidateQueries({ queryKey: ['org', org, f] })));

/**
 * What a change to a finding can move: the finding itself and the log, its audit's counts, the plan's
 * tasks and forecast, the posture figures, the certification readiness and the internal audit queue.
 */
export const invalidateFindingWork = (qc: QueryClient, org: string) =>
  invalidate(qc, org, 'findings', 'audits', 'plan', 'posture', 'certification', 'internal-audits');
