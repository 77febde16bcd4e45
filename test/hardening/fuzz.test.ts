import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoPeople } from '../../src/demo/foundation.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { buildApp } from '../../src/http/app.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';
import { Client, hasKind, kinds, migratedDatabase, ORIGIN, testConfig } from '../support/harness.ts';
import {
  describeRequest,
  type FuzzRequest,
  type Identity,
  judge,
  requestArb,
  send,
} from './fuzz-requests.ts';
import {
  collect,
  type Doc,
  type Operation,
  type Pools,
  poolFor,
  segmentBefore,
} from './openapi-arbitraries.ts';

// The fuzzer of issue #18: every operation of /api/openapi.json, fed fast-check arbitraries derived from
// its request schemas plus hostile values and bytes, over a real socket, as anonymous, an action owner and
// an admin of the demo organisation (which has data in every module). Bounded by count and by a deadline.
// Replay a run with CLOSELOOP_FUZZ_SEED=<seed printed below>; widen it with CLOSELOOP_FUZZ_PER_OP and
// CLOSELOOP_FUZZ_SECONDS (default 4 requests per operation, 30 s per engine); CLOSELOOP_FUZZ_ONLY=<regex
// on "METHOD /path"> keeps only the matching operations (their requests stay the same for one seed).
const PER_OP = Number(process.env.CLOSELOOP_FUZZ_PER_OP ?? 4);
const SECONDS = Number(process.env.CLOSELOOP_FUZZ_SECONDS ?? 30);
const SEED = Number(process.env.CLOSELOOP_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Only the operations whose `METHOD /path` matches (replaying one failure). */
const ONLY = new RegExp(process.env.CLOSELOOP_FUZZ_ONLY ?? '');

interface Fixture {
  rt: Runtime;
  app: FastifyInstance;
  port: number;
  cookies: Record<Identity, string>;
  /** Error lines the server logged (problem handler: unhandled errors), in order. */
  errors: string[];
}

async function start(kind: (typeof kinds)[number]): Promise<Fixture> {
  const errors: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      const line = JSON.parse(chunk.toString()) as {
        msg?: string;
        err?: { message?: string; stack?: string };
      };
      errors.push(`${line.msg}: ${line.err?.stack?.split('\n').slice(0, 4).join(' | ') ?? ''}`);
      done();
    },
  });
  const db = await migratedDatabase(kind);
  const config = testConfig(db, {
    PUBLIC_URL: ORIGIN,
    CLOSELOOP_RATE_LIMIT: 'off',
    CLOSELOOP_SECRET: 'fuzz-secret-fuzz-secret-fuzz-secret!!',
  });
  const rt = await createRuntime(config, { migrate: true, logger: pino({ level: 'error' }, sink) });
  await loadDemo(rt);
  const app = await buildApp(rt, { version: 'fuzz' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  app.server.on('clientError', (err: NodeJS.ErrnoException) =>
    errors.push(`clientError ${err.code}: ${err.message}`),
  );
  const cookieOf = async (email: string) => {
    const c = new Client(app);
    await c.signIn(email, DEMO_PASSWORD);
    return [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  };
  const admin = demoPeople.find((p) => p.role === 'admin')!.email;
  const member = demoPeople.find((p) => p.role === 'action_owner')!.email;
  return {
    rt,
    app,
    port: (app.server.address() as AddressInfo).port,
    cookies: { anonymous: '', admin: await cookieOf(admin), member: await cookieOf(member) },
    errors,
  };
}

type Entry = { path: string; method: string; op: Operation };
const operations = (doc: Doc): Entry[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => ({ path, method: m.toUpperCase(), op })),
  );

/** Known values from the app's own answers: two passes over every GET an admin can resolve. */
async function gatherPools(f: Fixture, doc: Doc): Promise<Pools> {
  const pools: Pools = new Map([
    ['org', ['demo']],
    ['slug', ['demo']],
    ['email', demoPeople.map((p) => p.email)],
  ]);
  for (let pass = 0; pass < 2; pass++) {
    for (const { path, method, op } of operations(doc)) {
      if (method !== 'GET') continue;
      let url = path;
      for (const p of (op.parameters ?? []).filter((x) => x.in === 'path')) {
        const v = poolFor(pools, p.name, segmentBefore(path, p.name))[0];
        url = url.replace(`{${p.name}}`, encodeURIComponent(String(v ?? 'x')));
      }
      const res = await f.app.inject({
        method: 'GET',
        url,
        headers: { cookie: f.cookies.admin, origin: ORIGIN },
      });
      if ((res.headers['content-type'] ?? '').toString().startsWith('application/json'))
        collect(pools, res.json(), segmentBefore(path));
    }
  }
  return pools;
}

/** A stable number per operation, so one operation's requests do not change when another is added. */
const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);

interface Failure {
  request: FuzzRequest;
  problem: string;
  log: string[];
  round: number;
}

async function fuzz(f: Fixture, doc: Doc, pools: Pools) {
  const entries = operations(doc).filter((e) => ONLY.test(`${e.method} ${e.path}`));
  const samples = entries.map((e) =>
    fc.sample(requestArb(e.path, e.method, e.op, doc, pools), {
      seed: SEED ^ hash(`${e.method} ${e.path}`),
      numRuns: PER_OP,
    }),
  );
  const deadline = Date.now() + SECONDS * 1000;
  const failures: Failure[] = [];
  const statuses = new Map<number, number>();
  const slowest: { ms: number; what: string }[] = [];
  let sent = 0;
  // Round by round, so that a deadline cuts every operation's share evenly and each is tried first.
  for (let round = 0; round < PER_OP && Date.now() < deadline; round++) {
    for (const list of samples) {
      if (Date.now() >= deadline) break;
      const r = list[round]!;
      const before = f.errors.length;
      let problem: string | null;
      const t0 = performance.now();
      try {
        const a = await send(f.port, r, f.cookies[r.identity]);
        slowest.push({
          ms: performance.now() - t0,
          what: `${r.method} ${r.path.slice(0, 80)} → ${a.status}`,
        });
        slowest.sort((x, y) => y.ms - x.ms).splice(5);
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        problem = judge(a);
      } catch (err) {
        problem = `no answer: ${(err as Error).message}`;
      }
      sent++;
      if (problem) failures.push({ request: r, problem, log: f.errors.slice(before), round });
    }
  }
  return { failures, statuses, sent, operations: entries.length, slowest };
}

const report = (kind: string, failures: Failure[]) =>
  failures
    .slice(0, 25)
    .map(
      (x) =>
        `[${kind} seed ${SEED} round ${x.round}] ${x.problem}\n  ${describeRequest(x.request)}${x.log.length > 0 ? `\n  server: ${x.log.join('\n  server: ')}` : ''}`,
    )
    .join('\n\n');

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`OpenAPI fuzzer on ${kind} (issue #18)`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await start(kind);
    });
    afterAll(async () => {
      await f?.app.close();
      await f?.rt.close();
    });

    // Long by design: ~650 requests per engine, bounded by SECONDS.
    it('answers every generated request without a 5xx, every error as problem+json', {
      timeout: 180_000,
    }, async () => {
      const doc = (await (await fetch(`http://127.0.0.1:${f.port}/api/openapi.json`)).json()) as Doc;
      const pools = await gatherPools(f, doc);
      const { failures, statuses, sent, operations: n, slowest } = await fuzz(f, doc, pools);
      console.log(
        `fuzz ${kind}: seed ${SEED}, ${sent} requests over ${n} operations, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
      );
      console.log(`slowest: ${slowest.map((x) => `${x.ms.toFixed(0)} ms ${x.what}`).join('; ')}`);
      expect(sent).toBeGreaterThanOrEqual(n);
      // Nothing reached Object.prototype through a `__proto__` or `constructor` key.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(failures.length, report(kind, failures)).toBe(0);
      // The server still answers after all of it.
      expect((await fetch(`http://127.0.0.1:${f.port}/api/health`)).status).toBe(200);
    });
  });
}
