import { z } from 'zod';
import {
  type acceptInvitationRequest,
  invitationPreview,
  me,
  type setupRequest,
  setupStatus,
} from '../../../../src/contracts/foundation.ts';
import { request } from '../../api/client.ts';

// better-auth's own endpoints (src/http/auth.ts) have no contract of ours; their answers are read here.
const twoFactorSetup = z.object({ totpURI: z.string(), backupCodes: z.array(z.string()) });
const signInAnswer = z.object({ twoFactorRedirect: z.boolean().optional() }).loose();
const ssoStart = z.object({ url: z.string() }).loose();
const accepted = z.object({ organisation: z.object({ slug: z.string() }).loose() }).loose();

export const accountApi = {
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
  signIn: (body: { email: string; password: string }) =>
    request('POST', '/api/auth/sign-in/email', { params: {}, body, response: signInAnswer }),
  /** Single sign-on: the email's domain picks the organisation's identity provider (issue #20). */
  signInSso: (body: { email: string; callbackURL: string }) =>
    request('POST', '/api/auth/sign-in/sso', { params: {}, body, response: ssoStart }),
  signOut: () => request('POST', '/api/auth/sign-out', { params: {}, body: {} }),
  verifyTotp: (code: string) =>
    request('POST', '/api/auth/two-factor/verify-totp', { params: {}, body: { code } }),
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
