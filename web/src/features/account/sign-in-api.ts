import { type Reader, request } from '../../api/client.ts';

// The sign-in page's calls of better-auth's own endpoints (src/http/auth.ts; they have no contract of
// ours). Their answers are read by hand, not with Zod: the sign-in page is the app's first paint for most
// visits and must not download the schema library (#16).

const isRecord = (d: unknown): d is Record<string, unknown> => typeof d === 'object' && d !== null;
const unexpected = () => new Error('The server gave an answer this page does not understand; reload it.');

const signInAnswer: Reader<{ twoFactorRedirect?: boolean }> = {
  parse: (d) => {
    if (!isRecord(d)) throw unexpected();
    return d.twoFactorRedirect === true ? { twoFactorRedirect: true } : {};
  },
};
const ssoStart: Reader<{ url: string }> = {
  parse: (d) => {
    if (!isRecord(d) || typeof d.url !== 'string') throw unexpected();
    return { url: d.url };
  },
};

export const signInApi = {
  signIn: (body: { email: string; password: string }) =>
    request('POST', '/api/auth/sign-in/email', { params: {}, body, response: signInAnswer }),
  /** Single sign-on: the email's domain picks the organisation's identity provider (issue #20). */
  signInSso: (body: { email: string; callbackURL: string }) =>
    request('POST', '/api/auth/sign-in/sso', { params: {}, body, response: ssoStart }),
  verifyTotp: (code: string) =>
    request('POST', '/api/auth/two-factor/verify-totp', { params: {}, body: { code } }),
};
