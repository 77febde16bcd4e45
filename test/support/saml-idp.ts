import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as samlify from 'samlify';

// A real SAML 2.0 identity provider (samlify's IdentityProvider) on loopback, with a login page: any
// login name is the account `NAME@DOMAIN` (or the name itself when it holds an '@'). Its RSA key pair and
// X.509 certificate are made for each run by openssl; nothing secret is kept in the repository.

/** How the IdP misbehaves; every response but 'unsigned' is still signed with a real key. */
export type AssertionFault =
  | 'none'
  | 'wrong-audience'
  | 'wrong-recipient'
  | 'expired'
  | 'expired-30s'
  | 'unsigned'
  | 'message-signed-only'
  | 'forged-key'
  | 'reuse-assertion-id';

export interface TestSamlIdp {
  origin: string;
  metadataUrl: string;
  metadata: string;
  fault: AssertionFault;
  /** Gives the IdP closeloop's SP metadata (entity id, ACS URL, WantAssertionsSigned). */
  trust(spMetadata: string): void;
  close(): Promise<void>;
}

const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** A fresh RSA-2048 key and self-signed certificate, valid one day. */
function keyPair(dir: string, name: string) {
  const key = path.join(dir, `${name}.key`);
  const cert = path.join(dir, `${name}.crt`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore', timeout: 20_000 },
  );
  return { privateKey: fs.readFileSync(key, 'utf8'), signingCert: fs.readFileSync(cert, 'utf8') };
}

const htmlEscape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
const form = (action: string, fields: Record<string, string>, extra = '') =>
  `<!doctype html><html><body><form method="post" action="${htmlEscape(action)}">${Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${htmlEscape(v)}">`)
    .join('')}${extra}<button type="submit">Continue</button></form></body></html>`;

async function bodyOf(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startSamlIdp(opts: { domain: string }): Promise<TestSamlIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-saml-idp-'));
  const settings = {
    entityID: `${origin}/metadata`,
    singleSignOnService: [{ Binding: REDIRECT, Location: `${origin}/sso` }],
    nameIDFormat: [EMAIL_FORMAT],
  };
  const idp = samlify.IdentityProvider({ ...settings, ...keyPair(dir, 'idp') });
  // Same entity id, another key: what an attacker without the IdP's key can sign.
  const impostor = samlify.IdentityProvider({ ...settings, ...keyPair(dir, 'impostor') });
  fs.rmSync(dir, { recursive: true, force: true });
  let sp: ReturnType<typeof samlify.ServiceProvider> | undefined;
  let spMetadata = '';
  let lastAssertionId = '';

  const state: TestSamlIdp = {
    origin,
    metadataUrl: `${origin}/metadata`,
    metadata: idp.getMetadata(),
    fault: 'none',
    trust(xml) {
      spMetadata = xml;
      sp = samlify.ServiceProvider({ metadata: xml });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  /** The login response for `email`, answering request `requestId`, with the current fault. */
  async function respond(requestId: string, email: string): Promise<string> {
    if (!sp) throw new Error('the test IdP trusts no service provider yet');
    const fault = state.fault;
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const ends =
      fault === 'expired' ? now - 3_600_000 : fault === 'expired-30s' ? now - 30_000 : now + 300_000;
    const acs = sp.entityMeta.getAssertionConsumerService('post') as string;
    const assertionId =
      fault === 'reuse-assertion-id' && lastAssertionId ? lastAssertionId : `_a${crypto.randomUUID()}`;
    lastAssertionId = assertionId;
    const values = {
      ID: `_r${crypto.randomUUID()}`,
      AssertionID: assertionId,
      Destination: acs,
      Audience:
        fault === 'wrong-audience' ? 'https://another-application.example' : sp.entityMeta.getEntityID(),
      SubjectRecipient: fault === 'wrong-recipient' ? 'https://another-application.example/acs' : acs,
      Issuer: idp.entityMeta.getEntityID(),
      IssueInstant: iso(fault === 'expired' ? now - 3_700_000 : now - 60_000),
      StatusCode: samlify.Constants.StatusCode.Success,
      ConditionsNotBefore: iso(fault === 'expired' ? now - 3_700_000 : now - 60_000),
      ConditionsNotOnOrAfter: iso(ends),
      SubjectConfirmationDataNotOnOrAfter: iso(ends),
      NameIDFormat: EMAIL_FORMAT,
      NameID: email,
      InResponseTo: requestId,
      AuthnStatement: '',
      AttributeStatement:
        '<saml:AttributeStatement>' +
        `<saml:Attribute Name="email"><saml:AttributeValue>${email}</saml:AttributeValue></saml:Attribute>` +
        `<saml:Attribute Name="displayName"><saml:AttributeValue>Person ${email.split('@')[0]}</saml:AttributeValue></saml:Attribute>` +
        '</saml:AttributeStatement>',
    };
    const template = samlify.SamlLib.defaultLoginResponseTemplate.context;
    const xml = samlify.SamlLib.replaceTagsByValue(template, values);
    if (fault === 'unsigned') return Buffer.from(xml).toString('base64');
    const signer = fault === 'forged-key' ? impostor : idp;
    // An SP that does not ask for signed assertions: samlify then signs the Response element only.
    const target =
      fault === 'message-signed-only'
        ? samlify.ServiceProvider({
            metadata: spMetadata.replace('WantAssertionsSigned="true"', 'WantAssertionsSigned="false"'),
          })
        : sp;
    const out = await signer.createLoginResponse(
      target,
      { extract: { request: { id: requestId } } },
      'post',
      { email },
      () => ({
        id: values.ID,
        context: xml,
      }),
    );
    return out.context;
  }

  server.on('request', async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', origin);
      if (req.method === 'GET' && url.pathname === '/metadata') {
        res.writeHead(200, { 'content-type': 'application/xml' }).end(state.metadata);
        return;
      }
      if (!sp) throw new Error('no service provider trusted');
      if (req.method === 'GET' && url.pathname === '/sso') {
        // The login page: the AuthnRequest is checked, then kept in the form for the next step.
        await idp.parseLoginRequest(sp, 'redirect', { query: Object.fromEntries(url.searchParams) });
        const page = form(
          `${origin}/sso/login`,
          Object.fromEntries(url.searchParams),
          '<input name="login">',
        );
        res.writeHead(200, { 'content-type': 'text/html' }).end(page);
        return;
      }
      if (req.method === 'POST' && url.pathname === '/sso/login') {
        const body = await bodyOf(req);
        const query = { SAMLRequest: body.get('SAMLRequest') ?? '' };
        const request = await idp.parseLoginRequest(sp, 'redirect', { query });
        const login = body.get('login') ?? '';
        const email = login.includes('@') ? login : `${login}@${opts.domain}`;
        const samlResponse = await respond(String(request.extract.request?.id ?? ''), email);
        const acs = sp.entityMeta.getAssertionConsumerService('post') as string;
        const fields: Record<string, string> = { SAMLResponse: samlResponse };
        const relayState = body.get('RelayState');
        if (relayState) fields.RelayState = relayState;
        res.writeHead(200, { 'content-type': 'text/html' }).end(form(acs, fields));
        return;
      }
      res.writeHead(404).end();
    } catch (err) {
      console.error('test SAML IdP', err);
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(String((err as Error).message ?? err));
    }
  });
  return state;
}

/** The fields of the (first) form on an HTML page, with its action. */
export function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the page: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[m[1]!] = m[2]!.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&amp;', '&');
  return { action: action.replaceAll('&amp;', '&'), fields };
}
