import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  auditProgramme,
  type checkUpdate,
  internalAuditDetail,
  type internalAuditInput,
  pendingVerification,
  type raiseFindingInput,
} from '../../../../src/contracts/certification-internal-audits.ts';
import { id } from '../../../../src/contracts/common.ts';
import { request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const internalAuditKeys = featureKeys('internal-audits');
type Check = { org: string; auditRef: string; checkId: string };

export const internalAuditsApi = {
  programme: (org: string) =>
    request('GET', '/api/v1/orgs/:org/internal-audits/programme', {
      params: { org },
      response: auditProgramme,
    }),
  verifications: (org: string) =>
    request('GET', '/api/v1/orgs/:org/internal-audits/verifications', {
      params: { org },
      response: z.array(pendingVerification),
    }),
  create: (org: string, body: z.input<typeof internalAuditInput>) =>
    request('POST', '/api/v1/orgs/:org/internal-audits', {
      params: { org },
      body,
      response: internalAuditDetail,
    }),
  detail: (org: string, auditRef: string) =>
    request('GET', '/api/v1/orgs/:org/internal-audits/:auditRef', {
      params: { org, auditRef },
      response: internalAuditDetail,
    }),
  updateCheck: (p: Check, body: z.input<typeof checkUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/internal-audits/:auditRef/checks/:checkId', {
      params: p,
      body,
      response: internalAuditDetail,
    }),
  raiseFinding: (p: Check, body: z.input<typeof raiseFindingInput>) =>
    request('POST', '/api/v1/orgs/:org/internal-audits/:auditRef/checks/:checkId/finding', {
      params: p,
      body,
      response: z.object({ findingId: id, audit: internalAuditDetail }),
    }),
};

export const internalAuditQueries = {
  programme: (org: string) =>
    queryOptions({
      queryKey: internalAuditKeys.part(org, 'programme'),
      queryFn: () => internalAuditsApi.programme(org),
    }),
  verifications: (org: string) =>
    queryOptions({
      queryKey: internalAuditKeys.part(org, 'verifications'),
      queryFn: () => internalAuditsApi.verifications(org),
    }),
  detail: (org: string, auditRef: string) =>
    queryOptions({
      queryKey: internalAuditKeys.detail(org, auditRef),
      queryFn: () => internalAuditsApi.detail(org, auditRef),
    }),
};
