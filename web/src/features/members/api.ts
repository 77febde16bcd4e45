import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { paged } from '../../../../src/contracts/common.ts';
import {
  createdInvitation,
  type createInvitationRequest,
  invitation,
  member,
  type updateMemberRequest,
} from '../../../../src/contracts/foundation.ts';
import { type PageArgs, request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const memberKeys = featureKeys('members');
export const invitationKeys = featureKeys('invitations');

export const membersApi = {
  list: (org: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/members', { params: { org }, query, response: paged(member) }),
  update: (org: string, memberId: string, body: z.input<typeof updateMemberRequest>) =>
    request('PATCH', '/api/v1/orgs/:org/members/:memberId', {
      params: { org, memberId },
      body,
      response: member,
    }),
  remove: (org: string, memberId: string) =>
    request('DELETE', '/api/v1/orgs/:org/members/:memberId', { params: { org, memberId } }),
  invitations: (org: string, query: PageArgs) =>
    request('GET', '/api/v1/orgs/:org/invitations', { params: { org }, query, response: paged(invitation) }),
  invite: (org: string, body: z.input<typeof createInvitationRequest>) =>
    request('POST', '/api/v1/orgs/:org/invitations', { params: { org }, body, response: createdInvitation }),
  revokeInvitation: (org: string, invitationId: string) =>
    request('DELETE', '/api/v1/orgs/:org/invitations/:invitationId', { params: { org, invitationId } }),
};

export const memberQueries = {
  list: (org: string, page: PageArgs) =>
    queryOptions({ queryKey: memberKeys.list(org, page), queryFn: () => membersApi.list(org, page) }),
  invitations: (org: string, page: PageArgs) =>
    queryOptions({
      queryKey: invitationKeys.list(org, page),
      queryFn: () => membersApi.invitations(org, page),
    }),
};
