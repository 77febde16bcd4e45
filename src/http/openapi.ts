import type {
  FastifyDynamicSwaggerOptions,
  SwaggerTransform,
  SwaggerTransformObject,
} from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../contracts/common.ts';
import { type ErrorCode, errorCodes } from '../contracts/errors.ts';
import { statusOf } from './problem.ts';

// The conventions of /api/openapi.json, applied to every route by the swagger transform so that a new
// route conforms without hand work (docs/CONTRIBUTING.md): an operationId derived from method and path,
// `security: []` on public routes, the problem+json answers the gate, the validator and the problem handler
// can give, and downloads with their media types (`produces`). The work runs once, when the document is
// first asked for (@fastify/swagger caches it), never at startup.

/** Media types of the downloads, for a route's `schema.produces`. */
export const media = {
  json: 'application/json',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  ics: 'text/calendar',
  zip: 'application/zip',
  /** A stored file (evidence, certificate, trust document): the type its bytes were sniffed as. */
  stored: '*/*',
} as const;

const PROBLEM = 'application/problem+json';
const MARK = 'x-closeloop-problems';
const responseNames: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests',
};
const codesFor = (status: number) => errorCodes.filter((c) => statusOf[c] === status);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `GET /api/v1/orgs/:org/soa/versions/:version` → `getSoaVersionsByVersion`: stable, unique per route. */
export function operationIdFor(method: string, url: string): string {
  let segments = url.split('/').filter(Boolean);
  segments = segments[1] === 'v1' ? segments.slice(2) : segments.slice(1);
  if (segments[0] === 'orgs' && segments[1] === ':org') segments = segments.slice(2);
  const word = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const name = segments
    .map((s) => (s.startsWith(':') ? `By${word(s.slice(1))}` : s.split(/[-_.]/).map(word).join('')))
    .join('');
  return `${method.toLowerCase()}${name}`;
}

/** The 4xx answers a route can give, from what the gate, the origin check and the validator do. */
function problemStatuses(route: RouteOptions, method: string, hasBody: boolean): Set<number> {
  const statuses = new Set([400]);
  const policy = route.config?.policy;
  if (policy !== 'public') statuses.add(401).add(403);
  if (STATE_CHANGING.has(method)) statuses.add(403).add(409);
  if (route.url.includes('/:')) statuses.add(404);
  if (hasBody) statuses.add(413).add(415);
  if (route.config?.rateLimit) statuses.add(429);
  return statuses;
}

type Transformed = Record<string, unknown> & { response?: Record<string, unknown> };
const binary = { type: 'string', format: 'binary' };
const isJson = (m: string) => m === media.json;

const transform: SwaggerTransform = (doc) => {
  const out = jsonSchemaTransform(doc as Parameters<typeof jsonSchemaTransform>[0]);
  const schema = out.schema as Transformed | undefined;
  const { route } = doc;
  if (!schema || schema.hide || typeof route.method !== 'string') return out;
  const method = route.method;
  const multipart = (schema.consumes as string[] | undefined)?.includes('multipart/form-data') ?? false;
  schema.operationId ??= operationIdFor(method, route.url);
  if (route.config?.policy === 'public') schema.security ??= [];
  // A route names the 4xx it adds to these with the `problem` schema (e.g. `404: problem` on a token route).
  const own = Object.keys(schema.response ?? {})
    .map(Number)
    .filter((s) => responseNames[s] !== undefined);
  for (const s of own) delete schema.response?.[s];
  const implied = problemStatuses(route, method, Boolean(schema.body) || multipart);
  schema[MARK] = [...new Set([...implied, ...own])].sort((a, b) => a - b);
  const produces = schema.produces as string[] | undefined;
  if (produces) {
    delete schema.produces;
    const json = schema.response?.['200'];
    // JSON without a response schema of its own is described as an object (its shape is the report's).
    const content = Object.fromEntries(
      produces.map((m) => [m, { schema: isJson(m) ? (json ?? { type: 'object' }) : binary }]),
    );
    schema.response = { ...schema.response, 200: { description: 'The download', content } };
  }
  if (multipart && !schema.body) {
    schema.body = {
      type: 'object',
      properties: { file: binary },
      required: ['file'],
      additionalProperties: { type: 'string' },
    };
  }
  return out;
};

function problemComponents() {
  const problemSchema = z.toJSONSchema(problem, { target: 'draft-2020-12', io: 'output' });
  delete problemSchema.$schema;
  const response = (codes: readonly ErrorCode[], description: string) => ({
    description,
    content: {
      [PROBLEM]: {
        schema: {
          allOf: [{ $ref: '#/components/schemas/Problem' }],
          properties: { code: { enum: codes } },
        },
      },
    },
  });
  const responses: Record<string, unknown> = {};
  for (const [status, name] of Object.entries(responseNames)) {
    const codes = codesFor(Number(status));
    responses[name] = response(codes, `RFC 9457 problem; code ${codes.join(' or ')}`);
  }
  const other = errorCodes.filter((c) => statusOf[c] >= 500);
  responses.Unexpected = response(other, `RFC 9457 problem; code ${other.join(' or ')}`);
  return { schemas: { Problem: problemSchema }, responses };
}

type Operation = { [MARK]?: number[]; responses?: Record<string, unknown> };

/** Replaces the marks left by `transform` with references to the shared problem responses. */
const transformObject: SwaggerTransformObject = (document) => {
  const components = problemComponents();
  const doc = ('openapiObject' in document ? document.openapiObject : {}) as {
    paths?: Record<string, Record<string, Operation>>;
    components?: Record<string, Record<string, unknown>>;
  };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item)) {
      const statuses = op[MARK];
      if (!statuses) continue;
      delete op[MARK];
      const responses = op.responses ?? {};
      for (const s of statuses) {
        responses[s] ??= { $ref: `#/components/responses/${responseNames[s]}` };
      }
      responses.default ??= { $ref: '#/components/responses/Unexpected' };
      op.responses = responses;
    }
  }
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, ...components.schemas },
    responses: { ...doc.components?.responses, ...components.responses },
  };
  return doc as ReturnType<SwaggerTransformObject>;
};

/** The @fastify/swagger options: the document's frame and the conventions above. */
export function openapiOptions(opts: { version: string; publicUrl: string }): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'closeloop API',
        version: opts.version,
        description:
          'ISO/IEC 27001 audit follow-up. Authenticate with the session cookie or `Authorization: Bearer <personal API token>`. Errors are RFC 9457 problem+json with a stable `code`.',
        license: { name: 'GNU Affero General Public License v3.0 only', identifier: 'AGPL-3.0-only' },
      },
      servers: [{ url: opts.publicUrl.replace(/\/+$/, ''), description: 'this closeloop instance' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'a personal API token' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'better-auth.session_token',
            description: 'the session cookie set by sign-in',
          },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform,
    transformObject,
  };
}
