import http from 'node:http';
import fc from 'fast-check';
import { ORIGIN } from '../support/harness.ts';
import {
  type Doc,
  fromSchema,
  hostileValue,
  type Operation,
  type Pools,
  poolFor,
  type Schema,
  segmentBefore,
  toJson,
} from './openapi-arbitraries.ts';

// One fuzzed HTTP request per sample: an operation of the OpenAPI document with generated path, query and
// body, sent by one identity over a real socket (bad encodings and bad multipart need raw bytes).

export type Identity = 'anonymous' | 'member' | 'admin';
export interface FuzzRequest {
  op: string;
  identity: Identity;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Percent-encodes a value for a URL; a lone surrogate becomes the bytes of bad (CESU-8) UTF-8. */
const enc = (v: unknown) => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  try {
    return encodeURIComponent(s);
  } catch {
    return `${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`;
  }
};

// Raw path segments and query strings no encoder would produce. Latin-1 characters (ÿ) go on the wire as
// single bytes, which is invalid UTF-8.
const rawSegments = [
  '%',
  '%zz',
  '%C3%28',
  '%FF%FE',
  '%ED%A0%80',
  '..',
  '%2e%2e',
  'ÿþ',
  '%00',
  'a'.repeat(8_000),
];
const rawQueries = [
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  'page=1&page=2&pageSize=1&pageSize=x',
  '%zz=%zz',
  '&&&=&',
  'a[b][c][d][e][f][g]=1',
  `q=${'x'.repeat(9_000)}`,
  'from=2026-02-30&to=2026-13-01',
  'format=../../etc/passwd',
];

const boundary = 'fuzzBoundary7MA4YWxk';
const part = (headers: string, body: string | Buffer) =>
  Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
const filePart = (name: string, bytes: Buffer | string, type = 'application/octet-stream') =>
  part(`Content-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}`, bytes);
const fieldPart = (name: string, value: string) =>
  part(`Content-Disposition: form-data; name="${name}"`, value);
const end = Buffer.from(`--${boundary}--\r\n`);
const mp = `multipart/form-data; boundary=${boundary}`;

const files = fc.constantFrom<[string, Buffer | string]>(
  ['evidence.pdf', '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'],
  ['report.csv', 'ref,grade,requirements,statement\nNC-99,minor,A.5.1,Broken\n'],
  ['empty.pdf', ''],
  ['../../../etc/passwd', 'root:x:0:0'],
  ['a\u0000b.pdf', '%PDF-1.4'],
  ['image.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
  ['book.xlsx', Buffer.from('504b030414000000', 'hex')],
  [`${'n'.repeat(5_000)}.pdf`, '%PDF-1.4'],
);
const fieldNames = fc.constantFrom(
  'dryRun',
  'title',
  'kind',
  'name',
  'description',
  'published',
  '__proto__',
);

/** Multipart bodies, valid and broken: no boundary, unterminated, two files, many parts, huge headers. */
const multipart: fc.Arbitrary<{ type: string; body: Buffer }> = fc.oneof(
  fc
    .tuple(
      files,
      fc.array(fc.tuple(fieldNames, fc.oneof(fc.constantFrom('true', 'false', ''), fc.string())), {
        maxLength: 3,
      }),
    )
    .map(([[n, b], fields]) => ({
      type: mp,
      body: Buffer.concat([...fields.map(([k, v]) => fieldPart(k, v)), filePart(n, b), end]),
    })),
  fc.constant({ type: 'multipart/form-data', body: Buffer.from('hello') }),
  fc.constant({ type: 'multipart/form-data; boundary=', body: Buffer.from('--\r\n\r\n') }),
  files.map(([n, b]) => ({ type: mp, body: filePart(n, b).subarray(0, 60) })),
  files.map(([n, b]) => ({ type: mp, body: filePart(n, b) })),
  files.map(([n, b]) => ({ type: mp, body: Buffer.concat([filePart(n, b), filePart(n, b), end]) })),
  fc.integer({ min: 50, max: 2_000 }).map((k) => ({
    type: mp,
    body: Buffer.concat([...Array.from({ length: k }, (_, i) => fieldPart(`f${i}`, 'x')), end]),
  })),
  fc.constant({
    type: mp,
    body: Buffer.concat([part(`Content-Disposition: form-data; name="${'h'.repeat(100_000)}"`, 'x'), end]),
  }),
);

/** Bodies with the wrong bytes or the wrong declared type. */
const badBodies: fc.Arbitrary<{ type: string; body: Buffer }> = fc.constantFrom(
  {
    type: 'application/json',
    body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
  },
  { type: 'application/json', body: Buffer.from('{"title": "unterminated') },
  { type: 'application/json', body: Buffer.from('') },
  { type: 'application/json', body: Buffer.from('{"a":1}{"b":2}') },
  { type: 'application/json; charset=utf-16', body: Buffer.from('{"a":1}', 'utf16le') },
  { type: 'application/json; charset=latin1', body: Buffer.from('{"title":"caf\xe9"}', 'latin1') },
  { type: 'text/plain', body: Buffer.from('{"title":"x"}') },
  { type: 'application/x-www-form-urlencoded', body: Buffer.from('title=x&__proto__[a]=1') },
  {
    type: 'application/xml',
    body: Buffer.from('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'),
  },
  { type: 'application/json', body: Buffer.from(`{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`) },
  { type: '', body: Buffer.from('{}') },
  { type: 'application/json', body: Buffer.from(`"${'\\ud800'.repeat(2_000)}"`) },
);

type Weighted<T> = { arbitrary: fc.Arbitrary<T>; weight: number; hostile?: true };
/** One of the choices; a clean request leaves out the hostile ones. */
const pick = <T>(clean: boolean, choices: Weighted<T>[]) =>
  fc.oneof(
    ...choices.filter((c) => !(clean && c.hostile)).map(({ arbitrary, weight }) => ({ arbitrary, weight })),
  );
/** Hostile values in about one schema node in 12, none in a clean request. */
const hostility = (clean: boolean) => (clean ? 1_000_000 : 12);

function pathArb(path: string, op: Operation, doc: Doc, pools: Pools, clean: boolean): fc.Arbitrary<string> {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path');
  const parts = params.map((p) => {
    const known = poolFor(pools, p.name, segmentBefore(path, p.name));
    const schema = fromSchema(p.schema, doc, pools, p.name, 1, hostility(clean)).map(enc);
    return pick(clean, [
      { arbitrary: known.length > 0 ? fc.constantFrom(...known).map(enc) : schema, weight: 12 },
      { arbitrary: schema, weight: 2 },
      { arbitrary: fc.constantFrom(...rawSegments), weight: 1, hostile: true },
    ]);
  });
  return fc
    .tuple(...parts)
    .map((vals) => params.reduce((acc, p, i) => acc.replace(`{${p.name}}`, vals[i] as string), path));
}

function queryArb(op: Operation, doc: Doc, pools: Pools, clean: boolean): fc.Arbitrary<string> {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query');
  const pairs = params.map((p) =>
    fc
      .option(fromSchema(p.schema, doc, pools, p.name, 1, hostility(clean)), { freq: p.required ? 20 : 2 })
      .map((v) => {
        if (v === null) return '';
        const vals = Array.isArray(v) ? v : [v];
        return vals.map((x) => `${enc(p.name)}=${enc(x)}`).join('&');
      }),
  );
  const raw = clean ? fc.constant(null) : fc.option(fc.constantFrom(...rawQueries), { freq: 12 });
  return fc
    .tuple(fc.tuple(...pairs), raw)
    .map(([qs, r]) => [...qs, r ?? ''].filter((q) => q !== '').join('&'));
}

type Body = { type: string; body: Buffer } | null;

function bodyArb(method: string, op: Operation, doc: Doc, pools: Pools, clean: boolean): fc.Arbitrary<Body> {
  const content = op.requestBody?.content ?? {};
  const json = content['application/json']?.schema as Schema | undefined;
  const asJson = (v: unknown) => ({ type: 'application/json', body: Buffer.from(toJson(v)) });
  const none = fc.constant<Body>(null);
  if (method === 'GET' || method === 'DELETE')
    return pick<Body>(clean, [
      { arbitrary: none, weight: 12 },
      { arbitrary: badBodies, weight: 1, hostile: true },
    ]);
  if (json)
    return pick<Body>(clean, [
      { arbitrary: fromSchema(json, doc, pools, '', 0, hostility(clean)).map(asJson), weight: 14 },
      { arbitrary: hostileValue.map(asJson), weight: 2, hostile: true },
      { arbitrary: badBodies, weight: 2, hostile: true },
      { arbitrary: multipart, weight: 1, hostile: true },
      { arbitrary: none, weight: 1, hostile: true },
    ]);
  // No JSON body declared: an upload (multipart), an action without a body, or a body the route ignores.
  return pick<Body>(clean, [
    { arbitrary: multipart, weight: content['multipart/form-data'] ? 10 : 4 },
    { arbitrary: none, weight: 3 },
    { arbitrary: fc.constant(asJson({})), weight: 2 },
    { arbitrary: badBodies, weight: 1, hostile: true },
  ]);
}

function build(path: string, method: string, op: Operation, doc: Doc, pools: Pools, clean: boolean) {
  const name = op.operationId ?? `${method} ${path}`;
  return fc
    .record({
      identity: fc.constantFrom<Identity>(
        ...(clean ? [] : (['anonymous'] as const)),
        'member',
        'admin',
        'admin',
      ),
      path: pathArb(path, op, doc, pools, clean),
      query: queryArb(op, doc, pools, clean),
      body: bodyArb(method, op, doc, pools, clean),
      origin: pick(clean, [
        { arbitrary: fc.constant(ORIGIN), weight: 12 },
        { arbitrary: fc.constantFrom('https://evil.example', 'null', ''), weight: 1, hostile: true },
      ]),
      encoding: clean
        ? fc.constant(null)
        : fc.option(fc.constantFrom('gzip', 'br', 'identity, chunked'), { freq: 30 }),
    })
    .map(({ identity, path: p, query, body, origin, encoding }): FuzzRequest => {
      const headers: Record<string, string> = {};
      if (origin) headers.origin = origin;
      if (body?.type) headers['content-type'] = body.type;
      if (body && encoding) headers['content-encoding'] = encoding;
      return {
        op: name,
        identity,
        method,
        path: query ? `${p}?${query}` : p,
        headers,
        ...(body ? { body: body.body } : {}),
      };
    });
}

/**
 * Every request one operation can receive: two in five are clean (valid values from the schemas and the
 * app's own ids, so they reach the use-cases and the database), the rest carry hostile parts.
 */
export const requestArb = (path: string, method: string, op: Operation, doc: Doc, pools: Pools) =>
  fc.oneof(
    { arbitrary: build(path, method, op, doc, pools, true), weight: 2 },
    { arbitrary: build(path, method, op, doc, pools, false), weight: 3 },
  );

export interface Answer {
  status: number;
  type: string;
  text: string;
}

/** Sends a request as given (latin-1 path bytes included) and reads the whole answer. */
export function send(port: number, r: FuzzRequest, cookie: string, timeoutMs = 30_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...r.headers, connection: 'close' };
    if (cookie) headers.cookie = cookie;
    if (r.body) headers['content-length'] = r.body.length;
    const req = http.request(
      { host: '127.0.0.1', port, method: r.method, path: r.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(r.body);
  });
}

/** What is wrong with an answer: a 5xx, or an error that is not RFC 9457 problem+json. Null: fine. */
export function judge(a: Answer): string | null {
  if (a.status >= 500) return `status ${a.status}: ${a.text.slice(0, 300)}`;
  if (a.status < 400) return null;
  if (!a.type.includes('application/problem+json')) return `status ${a.status} with content-type '${a.type}'`;
  try {
    const p = JSON.parse(a.text) as Record<string, unknown>;
    for (const k of ['type', 'title', 'status', 'code'])
      if (!(k in p)) return `status ${a.status}: problem without '${k}': ${a.text.slice(0, 200)}`;
    if (p.status !== a.status) return `problem status ${String(p.status)} on a ${a.status} answer`;
  } catch {
    return `status ${a.status}: body is not JSON: ${a.text.slice(0, 200)}`;
  }
  return null;
}

/** A failing request as one readable line set: enough to replay it by hand. */
export function describeRequest(r: FuzzRequest): string {
  const body = r.body ? r.body.toString('latin1') : '';
  const shown = body.length > 600 ? `${body.slice(0, 600)}… (${body.length} bytes)` : body;
  const path = r.path.length > 300 ? `${r.path.slice(0, 300)}… (${r.path.length} chars)` : r.path;
  return `${r.op} as ${r.identity}: ${r.method} ${path}\n  headers ${JSON.stringify(r.headers)}\n  body ${JSON.stringify(shown)}`;
}
