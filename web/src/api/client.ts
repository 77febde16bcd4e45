import type { z } from 'zod';
import type { Problem } from '../../../src/contracts/common.ts';

/** An API failure carrying the server's RFC 9457 problem, so forms can show field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem> & { message?: string },
  ) {
    super(problem.detail ?? problem.message ?? `request failed (${status})`);
  }
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? [])
      out[e.path.replace(/^body\//, '').replaceAll('/', '.')] = e.message;
    return out;
  }
}

export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** `'/api/v1/orgs/:org/findings/:findingId'` → `'org' | 'findingId'`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type PathParams<P extends string> = { [K in ParamNames<P>]: string | number };
type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

/**
 * The one place an address of the API is built: the route's template as the server declares it, each
 * parameter encoded, then the query string (absent and null values left out, arrays repeated).
 */
export function apiUrl<P extends string>(path: P, params: PathParams<P>, query?: Query): string {
  const values = params as Record<string, string | number>;
  const filled = path.replace(/:(\w+)/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(v));
  });
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    for (const one of Array.isArray(v) ? v : [v])
      if (one !== undefined && one !== null) qs.append(k, String(one));
  }
  const s = qs.toString();
  return s ? `${filled}?${s}` : filled;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Call<P extends string, S extends Reader | undefined> {
  params: PathParams<P>;
  query?: Query;
  /** JSON body, typed by the endpoint's `z.input` of the request schema; or a multipart form. */
  body?: unknown;
  /**
   * The route's response schema (src/contracts): the answer is parsed with it. Any reader with a `parse`
   * will do: the signed-out pages use small hand-written ones, so their first paint needs no Zod (#16).
   */
  response?: S;
}
/** What reads an answer: a Zod schema, or an object whose `parse` checks the shape by hand. */
export interface Reader<T = unknown> {
  parse(data: unknown): T;
}
type Answer<S> = S extends z.ZodType ? z.output<S> : S extends Reader<infer T> ? T : undefined;

async function send(method: Method, url: string, body: unknown): Promise<unknown> {
  const form = body instanceof FormData;
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body !== undefined && !form ? { 'content-type': 'application/json' } : {},
    ...(body !== undefined ? { body: form ? body : JSON.stringify(body) } : {}),
  });
  if (res.status === 204) return undefined;
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, data ?? {});
  return data;
}

/** One call of the API; every endpoint function of `features/<feature>/api.ts` goes through here. */
export async function request<P extends string, S extends Reader | undefined = undefined>(
  method: Method,
  path: P,
  call: Call<P, S>,
): Promise<Answer<S>> {
  const data = await send(method, apiUrl(path, call.params, call.query), call.body);
  return (call.response ? call.response.parse(data) : undefined) as Answer<S>;
}

/** Paging as the list endpoints take it (`pageQuery` in src/contracts/common.ts). */
export type PageArgs = {
  page: number;
  pageSize: number;
};
export const PAGE_SIZE = 50;

// Untyped calls by literal address, still used by the trust feature only (its endpoints are not yet in a
// `features/trust/api.ts`); new code calls `request` through a feature's endpoint functions.
const legacy = <T>(method: Method, path: string, body?: unknown) => send(method, path, body) as Promise<T>;
/** @deprecated use a feature's endpoint function */
export const get = <T>(path: string) => legacy<T>('GET', path);
/** @deprecated use a feature's endpoint function */
export const post = <T>(path: string, body: unknown = {}) => legacy<T>('POST', path, body);
/** @deprecated use a feature's endpoint function */
export const put = <T>(path: string, body: unknown) => legacy<T>('PUT', path, body);
/** @deprecated use a feature's endpoint function */
export const del = <T>(path: string) => legacy<T>('DELETE', path);
/** @deprecated use a feature's endpoint function */
export const patch = <T>(path: string, body: unknown) => legacy<T>('PATCH', path, body);
