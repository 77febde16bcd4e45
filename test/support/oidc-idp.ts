import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider from 'oidc-provider';

// A real OpenID Provider (oidc-provider, certified by the OpenID Foundation) on loopback, with its own
// login and consent pages (dev interactions): any login name is an account `NAME@DOMAIN`.
/** How the IdP misbehaves: its ID tokens, signed with its real key, for another audience or expired. */
export type IdTokenFault = 'none' | 'wrong-audience' | 'expired';

export interface TestIdp {
  issuer: string;
  fault: IdTokenFault;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startIdp(opts: {
  redirectUri: string;
  domain: string;
  port?: number;
}): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'closeloop';
  const clientSecret = 'idp-client-secret-of-closeloop-0123456789';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    jwks: { keys: [jwk] },
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          // A login name holding '@' is taken as the whole email (an IdP asserting another domain).
          const email = sub.includes('@') ? sub : `${sub}@${opts.domain}`;
          return { sub, email, email_verified: true, name: `Person ${sub}` };
        },
      };
    },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, IdToken: 60, AccessToken: 60 },
  });
  provider.on('server_error', (_ctx, err) => console.error('idp server_error', err));
  const idp: TestIdp = {
    issuer,
    fault: 'none',
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  // A faulty IdP: the token response's ID token re-signed with the IdP's own key, claims altered.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || idp.fault === 'none' || !body?.id_token) return;
    const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1]!, 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    if (idp.fault === 'wrong-audience') claims.aud = 'some-other-application';
    if (idp.fault === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
    ctx.body = {
      ...body,
      id_token: await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid }).sign(privateKey),
    };
  });
  server.on('request', provider.callback());
  return idp;
}

/** A browser's cookie jar for the IdP's own pages (plain fetch, redirects followed by hand). */
class Jar {
  private cookies = new Map<string, string>();
  keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }
  header = () => [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/**
 * Walks the IdP's pages as a person would: the login form (login name), then the consent form, until the
 * IdP redirects back to the relying party. Returns that redirect URL. Bounded to 12 hops.
 */
export async function signInAtIdp(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Jar();
  let next = new URL(authorizationUrl);
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(next, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    jar.keep(res);
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      const target = new URL(location, next);
      if (target.origin !== next.origin) return target;
      next = target;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the IdP page (${res.status}): ${html.slice(0, 300)}`);
    next = new URL(action.replaceAll('&amp;', '&'), next);
    body = html.includes('name="login"')
      ? new URLSearchParams({ prompt: 'login', login, password: 'any' })
      : new URLSearchParams({ prompt: 'consent' });
  }
  throw new Error('the IdP did not redirect back within 12 hops');
}
