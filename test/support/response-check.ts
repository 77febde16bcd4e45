import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

// Every response an API test receives is checked against what /api/openapi.json declares for its
// operation and status (issue #18): the status is declared (a 4xx explicitly, not only by `default`), the
// media type is one the operation declares, and a JSON body validates against the declared schema (ajv,
// JSON Schema 2020-12, the dialect of OpenAPI 3.1). A mismatch fails the test at the request that showed it.

interface Response {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface Doc {
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
  components: { responses: Record<string, Response> };
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const DOC_ID = 'openapi.json';
const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
const isJson = (media: string) => media === 'application/json' || media.endsWith('+json');

export class ResponseChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly doc: Doc) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(doc as object, DOC_ID);
  }

  private validator(at: string): ValidateFunction {
    let v = this.compiled.get(at);
    if (!v) {
      v = this.ajv.getSchema(`${DOC_ID}#/${at}`);
      if (!v) throw new Error(`no schema at ${at}`);
      this.compiled.set(at, v);
    }
    return v;
  }

  private validateJson(at: string, body: string): string | null {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return 'the body is not JSON';
    }
    const v = this.validator(at);
    return v(value) ? null : this.ajv.errorsText(v.errors, { dataVar: 'body' });
  }

  /** The mismatch between `res` and the declaration of `method url` (a route template), if any. */
  check(method: string, url: string | undefined, res: LightMyRequestResponse): string | null {
    const media = String(res.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    const path = url?.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op = path ? this.doc.paths[path]?.[method.toLowerCase()] : undefined;
    if (!op) {
      // Not in the document (the web app, better-auth, unknown paths): errors still are problems.
      if (media !== 'application/problem+json') return null;
      return this.validateJson(pointer('components', 'schemas', 'Problem'), res.body);
    }
    const status = String(res.statusCode);
    let at = pointer('paths', path!, method.toLowerCase(), 'responses', status);
    let response = op.responses[status];
    if (!response && res.statusCode >= 400 && res.statusCode < 500)
      return `status ${status} is not declared (declared: ${Object.keys(op.responses).join(', ')})`;
    if (!response) {
      response = op.responses.default;
      at = pointer('paths', path!, method.toLowerCase(), 'responses', 'default');
    }
    if (!response) return `status ${status} is not declared`;
    if (response.$ref) {
      const name = response.$ref.split('/').pop()!;
      at = pointer('components', 'responses', name);
      response = this.doc.components.responses[name]!;
    }
    if (res.rawPayload.length === 0) return null;
    const content = response.content ?? {};
    const declared = [media, `${media.split('/')[0]}/*`, '*/*'].find((m) => content[m]);
    if (!declared)
      return `a ${media || 'typeless'} body, but ${status} declares ${Object.keys(content).join(', ') || 'no content'}`;
    if (!isJson(media) || declared !== media) return null;
    return this.validateJson(`${at}/${pointer('content', declared, 'schema')}`, res.body);
  }
}

let shared: ResponseChecker | null = null;

/**
 * Wraps `app.inject` so that every response is checked; call before `app.ready()`, and the function it
 * returns after (it builds the document in the test's setup, not inside its first test). The document is
 * built once per test file (every test app registers the same routes), the validators once per schema.
 */
export function checkResponses(app: FastifyInstance): () => void {
  const routeOf = new WeakMap<object, string>();
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.url) routeOf.set(req.raw, req.routeOptions.url);
  });
  const inject = app.inject.bind(app) as (opts: InjectOptions | string) => Promise<LightMyRequestResponse>;
  const checked = async (opts: InjectOptions | string) => {
    const res = await inject(opts);
    shared ??= new ResponseChecker(app.swagger() as unknown as Doc);
    const method = typeof opts === 'string' ? 'GET' : (opts.method ?? 'GET');
    const url = routeOf.get(res.raw.req);
    const problem = shared.check(String(method), url, res);
    if (problem) {
      const where = typeof opts === 'string' ? opts : opts.url;
      throw new Error(
        `response does not match /api/openapi.json: ${method} ${String(where)} (${url}) → ${res.statusCode}: ${problem}\n${res.body.slice(0, 500)}`,
      );
    }
    return res;
  };
  // Only the promise form is checked; the callback and chain forms (unused by the API tests) pass through.
  app.inject = ((opts?: InjectOptions | string, cb?: unknown) =>
    opts === undefined || cb !== undefined
      ? (inject as (...a: unknown[]) => unknown)(opts, cb)
      : checked(opts)) as FastifyInstance['inject'];
  return () => {
    shared ??= new ResponseChecker(app.swagger() as unknown as Doc);
  };
}
