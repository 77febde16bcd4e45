import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

// Where a webhook may connect (issue #20, SSRF safe by default): https to public addresses only. A private,
// loopback or link-local target is refused unless the operator allows it with
// CLOSELOOP_WEBHOOK_ALLOW_PRIVATE (`loopback`, `private`, `link-local`, or CIDR ranges, comma-separated);
// plain http is accepted only to such an allowed address. The check runs on the address the socket is
// about to connect to (a custom `lookup`), so a name that resolves to a public address when the endpoint
// is saved and to 127.0.0.1 later (DNS rebinding) is still refused. Redirects are never followed.

const notPublic = new net.BlockList();
for (const [a, p] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  notPublic.addSubnet(a, p, 'ipv4');
for (const [a, p] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  notPublic.addSubnet(a, p, 'ipv6');

const named: Record<string, [string, number, 'ipv4' | 'ipv6'][]> = {
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  private: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
  'link-local': [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
};

export interface TargetPolicy {
  /** Non-public ranges the operator allowed. */
  allowed: net.BlockList;
  describe: string;
}

/** CLOSELOOP_WEBHOOK_ALLOW_PRIVATE as a policy; throws on a word or range it does not know. */
export function targetPolicy(value: string | undefined): TargetPolicy {
  const allowed = new net.BlockList();
  const parts = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const part of parts) {
    const ranges = named[part];
    if (ranges) {
      for (const [a, p, f] of ranges) allowed.addSubnet(a, p, f);
      continue;
    }
    const [addr, bits] = part.split('/');
    const family = addr ? net.isIP(addr) : 0;
    const prefix = Number(bits ?? (family === 6 ? 128 : 32));
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32))
      throw new Error(
        `CLOSELOOP_WEBHOOK_ALLOW_PRIVATE: '${part}' is not loopback, private, link-local or a CIDR range`,
      );
    allowed.addSubnet(addr!, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return { allowed, describe: parts.join(',') || 'none' };
}

const familyOf = (ip: string) => (net.isIPv6(ip) ? 'ipv6' : 'ipv4');

/** Why this address may not be reached, or null when it may. */
export function refusal(ip: string, policy: TargetPolicy, protocol: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const addr = mapped ?? ip;
  const isPublic = !notPublic.check(addr, familyOf(addr));
  if (isPublic) return protocol === 'https:' ? null : 'only https is allowed to a public address';
  if (policy.allowed.check(addr, familyOf(addr))) return null;
  return `${addr} is not a public address (an operator may allow it with CLOSELOOP_WEBHOOK_ALLOW_PRIVATE)`;
}

export class TargetRefused extends Error {}

/** Checks a URL as it is saved: its scheme, and its host when the host is an address. */
export function checkUrl(raw: string, policy: TargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'only https (or http to an allowed address)';
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) return refusal(host, policy, url.protocol);
  if (url.protocol === 'http:' && policy.describe === 'none')
    return 'only https is allowed to a public address';
  return null;
}

/** A `lookup` for the socket: resolves, then refuses unless every address may be reached. */
function guardedLookup(policy: TargetPolicy, protocol: string): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const refused = list.map((a) => refusal(a.address, policy, protocol)).find((r) => r !== null);
      if (refused || list.length === 0)
        return callback(new TargetRefused(refused ?? `${hostname} has no address`), '', 0);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export interface PostResult {
  status: number | null;
  body: string;
  error: string | null;
}

const TIMEOUT_MS = 10_000;
const BODY_LIMIT = 1024;

/** POSTs one signed body: 10 s at most, no redirect followed, at most 1 KB of the answer kept. */
export function postJson(raw: string, headers: Record<string, string>, body: string, policy: TargetPolicy) {
  return new Promise<PostResult>((resolve) => {
    const url = new URL(raw);
    let timer: NodeJS.Timeout | undefined;
    const settle = (r: PostResult) => {
      clearTimeout(timer);
      resolve(r);
    };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const literal = net.isIP(host) ? refusal(host, policy, url.protocol) : checkUrl(raw, policy);
    if (literal) return settle({ status: null, body: '', error: `refused: ${literal}` });
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(url, {
      method: 'POST',
      agent: false,
      lookup: guardedLookup(policy, url.protocol),
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      },
    });
    timer = setTimeout(() => req.destroy(new Error('timed out after 10 s')), TIMEOUT_MS);
    req.on('error', (err) =>
      settle({
        status: null,
        body: '',
        error: err instanceof TargetRefused ? `refused: ${err.message}` : err.message,
      }),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < BODY_LIMIT) chunks.push(c.subarray(0, BODY_LIMIT - size));
        size += c.length;
        if (size >= BODY_LIMIT) res.destroy();
      });
      const done = () =>
        settle({ status: res.statusCode ?? null, body: Buffer.concat(chunks).toString('utf8'), error: null });
      res.on('end', done);
      res.on('close', done);
    });
    req.end(body);
  });
}

/**
 * GETs a document under the same guard (SSO metadata, issue #20): 10 s at most, no redirect followed,
 * refused past `limit` bytes. Resolves with the body, or rejects with the reason.
 */
export function getGuardedText(raw: string, policy: TargetPolicy, limit: number) {
  return new Promise<string>((resolve, reject) => {
    const url = new URL(raw);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const literal = net.isIP(host) ? refusal(host, policy, url.protocol) : checkUrl(raw, policy);
    if (literal) return reject(new TargetRefused(literal));
    const send = url.protocol === 'https:' ? https.get : http.get;
    const req = send(url, { agent: false, lookup: guardedLookup(policy, url.protocol) });
    const timer = setTimeout(() => req.destroy(new Error('timed out after 10 s')), TIMEOUT_MS);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.destroy();
        return req.destroy(new Error(`answered ${res.statusCode} (redirects are not followed)`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > limit) return req.destroy(new Error(`larger than ${limit} bytes`));
        chunks.push(c);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
    });
  });
}
