import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

// A real OpenID Provider (oidc-provider, certified by the OpenID Foundation) on loopback, with its own
// login and consent pages (dev interactions): any login name is an account `NAME@DOMAIN`.
export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startIdp(opts: { redirectUri: string; domain: string }): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'closeloop';
  const clientSecret = 'idp-client-secret-of-closeloop-0123456789';
  const provider = new Provider(issuer, {
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
          return { sub, email: `${sub}@${opts.domain}`, email_verified: true, name: `Person ${sub}` };
        },
      };
    },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, IdToken: 60, AccessToken: 60 },
  });
  provider.on('server_error', (_ctx, err) => console.error('idp server_error', err));
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
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
