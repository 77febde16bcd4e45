import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ORIGIN, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';
import { publishedPage } from '../trust/fixture.ts';

// CLOSELOOP_TRUST_PROXY decides whose address req.ip is: the rate limits and the trust access log key on
// it. Behind the balancer the client's address comes from X-Forwarded-For, but only when the balancer
// itself sent the header; from anyone else the header is ignored, so it cannot be used to dodge a limit.

const BALANCER = '10.0.0.1';

async function guessLink(t: TestApp, remoteAddress: string, forwardedFor: string | undefined, i: number) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/trust/acme/links/open',
    remoteAddress,
    headers: {
      origin: ORIGIN,
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    payload: JSON.stringify({
      token: `tsl_guess-${i}-aaaaaaaaaaaaaaaaaaaaaaaa`,
      name: 'G',
      email: 'g@x.test',
    }),
  });
  return res.statusCode;
}

async function guesses(t: TestApp, n: number, remote: string, xff: (i: number) => string | undefined) {
  const codes: number[] = [];
  for (let i = 0; i < n; i++) codes.push(await guessLink(t, remote, xff(i), i));
  return codes;
}

async function startWith(trustProxy: string | undefined) {
  const t = await startTestApp('sqlite', {
    CLOSELOOP_RATE_LIMIT: 'on',
    ...(trustProxy ? { CLOSELOOP_TRUST_PROXY: trustProxy } : {}),
  });
  await publishedPage(await setupAdmin(t, 'acme', 'admin@acme.test'), 'acme');
  return t;
}

describe('CLOSELOOP_TRUST_PROXY parsing', () => {
  const parse = (v: string) => loadConfig({ CLOSELOOP_TRUST_PROXY: v }).trustProxy;
  it('is off by default; takes a hop count or a list of addresses and CIDR ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(parse('off')).toBe(false);
    expect(parse('2')).toBe(2);
    expect(parse('10.0.0.0/8, 192.168.1.7,::1/128,loopback')).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      '::1/128',
      'loopback',
    ]);
  });
  it('refuses `true` (anyone could spoof an address), bad ranges and absurd hop counts', () => {
    for (const bad of ['true', '10.0.0.0/33', '10.0.0', 'example.com', '99', '10.0.0.1/8/2'])
      expect(() => parse(bad), bad).toThrow(/CLOSELOOP_TRUST_PROXY/);
  });
});

describe('trust proxy off (the default): X-Forwarded-For is ignored', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWith(undefined);
  });
  afterAll(async () => t?.close());

  it('a client rotating spoofed X-Forwarded-For addresses is still limited by its own address', async () => {
    const codes = await guesses(t, 21, '203.0.113.9', (i) => `198.51.100.${i + 1}`);
    expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
    expect(codes[20]).toBe(429);
  });
});

describe('trust proxy set to the balancer address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWith(`${BALANCER}/32`);
  });
  afterAll(async () => t?.close());

  it('limits each client behind the balancer on its own, not the balancer as one client', async () => {
    const a = await guesses(t, 21, BALANCER, () => '203.0.113.50');
    expect(a.slice(0, 20).every((c) => c === 404)).toBe(true);
    expect(a[20]).toBe(429);
    // Another client through the same balancer still has its allowance.
    expect(await guessLink(t, BALANCER, '203.0.113.51', 99)).toBe(404);
    // A header prepended by the client is not believed: only the hop the balancer added counts.
    expect(await guessLink(t, BALANCER, '198.51.100.200, 203.0.113.50', 100)).toBe(429);
  });

  it('ignores X-Forwarded-For from an address that is not the balancer', async () => {
    const codes = await guesses(t, 21, '198.51.100.77', (i) => `203.0.113.${100 + i}`);
    expect(codes[20]).toBe(429);
  });
});

describe('trust proxy as a hop count', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWith('1');
  });
  afterAll(async () => t?.close());

  it('takes the address the nearest proxy saw, whatever the client prepended', async () => {
    const codes = await guesses(t, 21, BALANCER, (i) => `198.51.100.${i + 1}, 203.0.113.60`);
    expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
    expect(codes[20]).toBe(429);
    expect(await guessLink(t, BALANCER, '203.0.113.61', 200)).toBe(404);
  });
});
