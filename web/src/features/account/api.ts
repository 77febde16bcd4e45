import { z } from 'zod';
import {
  type acceptInvitationRequest,
  invitationPreview,
  me,
  type setupRequest,
  setupStatus,
} from '../../../../src/contracts/foundation.ts';
import { request } from '../../api/client.ts';
import { signInApi } from './sign-in-api.ts';

// better-auth's own endpoints (src/http/auth.ts) have no contract of ours; their answers are read here.
const twoFactorSetup = z.object({ totpURI: z.string(), backupCodes: z.array(z.string()) });
const accepted = z.object({ organisation: z.object({ slug: z.string() }).loose() }).loose();

export const accountApi = {
  ...signInApi,
  me: () => request('GET', '/api/v1/me', { params: {}, response: me }),
  setupStatus: () => request('GET', '/api/v1/setup', { params: {}, response: setupStatus }),
  setup: (body: z.input<typeof setupRequest>) => request('POST', '/api/v1/setup', { params: {}, body }),
  previewInvitation: (token: string) =>
    request('POST', '/api/v1/invitations/preview', {
      params: {},
      body: { token },
      response: invitationPreview,
    }),
  acceptInvitation: (body: z.input<typeof acceptInvitationRequest>) =>
    request('POST', '/api/v1/invitations/accept', { params: {}, body, response: accepted }),
  signOut: () => request('POST', '/api/auth/sign-out', { params: {}, body: {} }),
  enableTwoFactor: (password: string) =>
    request('POST', '/api/auth/two-factor/enable', {
      params: {},
      body: { password },
      response: twoFactorSetup,
    }),
  disableTwoFactor: (password: string) =>
    request('POST', '/api/auth/two-factor/disable', { params: {}, body: { password } }),
  changePassword: (body: { currentPassword: string; newPassword: string; revokeOtherSessions?: boolean }) =>
    request('POST', '/api/auth/change-password', { params: {}, body }),
  requestPasswordReset: (email: string) =>
    request('POST', '/api/auth/request-password-reset', {
      params: {},
      body: { email, redirectTo: '/reset-password' },
    }),
  resetPassword: (body: { newPassword: string; token: string }) =>
    request('POST', '/api/auth/reset-password', { params: {}, body }),
};
