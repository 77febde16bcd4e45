import { z } from 'zod';
import { errorCodes } from './errors.ts';
import './plain-messages.ts';

export const isoDateTime = z.string().describe('ISO 8601 timestamp (UTC)');
/** A real calendar date (no 2026-02-30, no month 13), years 1900-2999: the one date schema of the API. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date (YYYY-MM-DD)')
  .describe('calendar date, YYYY-MM-DD');
export const id = z.string().min(1).max(64);
export const slug = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and dashes, not at either end');

/**
 * A whole number sent as text (a path segment or query parameter): missing answers "required" and text
 * "must be a whole number", each at its field path, where `z.coerce.number()` said "received NaN".
 */
export const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v),
    z
      .number({ error: (iss) => (iss.input === undefined ? 'required' : 'must be a whole number') })
      .int()
      .min(min)
      .max(max),
  );

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const paged = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** RFC 9457 problem details as this API emits them. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.enum(errorCodes),
  instance: z.string().optional(),
  logId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problem>;

/**
 * A count for each of `keys`, as an object with every key present. (A record keyed by an enum says the
 * same to Zod, but its JSON Schema names required properties it never defines.)
 */
export const countsBy = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as { [P in K[number]]: z.ZodNumber });

export const orgParams = z.object({ org: slug.describe('organisation slug') });
