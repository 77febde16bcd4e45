import fc from 'fast-check';

// fast-check arbitraries derived from the OpenAPI document (JSON Schema 2020-12 as fastify-type-provider-zod
// writes it), with hostile values mixed in at every level: what a careless client or an attacker sends.
// Everything comes from the document, so a new route is fuzzed the day it is added (issue #18).

export type Schema = { [k: string]: unknown };
export type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};
export interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** Values seen in the app's own answers, by property name (`id`, `ref`, `findingId`, `email`, …). */
export type Pools = Map<string, unknown[]>;

/** A value the serialiser writes as raw JSON text: nesting deeper than any parser should recurse into. */
export class Deep {
  constructor(readonly depth: number) {}
}
/** Marks an object that gets `__proto__` and `constructor` keys as own JSON properties. */
export const PROTO_MARK = '__fuzz_proto_keys__';

const NUL = '\u0000';
const impossibleDates = ['2026-02-30', '2026-13-01', '2026-00-10', '2025-02-29', '0000-00-00', '9999-99-99'];
const hostileStrings = [
  '',
  ' ',
  NUL,
  `a${NUL}b`,
  '%00',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u0041\u0042',
  '\ufeff',
  '🦄'.repeat(50),
  "' or 1=1 --",
  '"; drop table finding; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  'null',
  'true',
  '[object Object]',
  ...impossibleDates,
  '2026-02-28T25:61:00Z',
  'a@b',
  '@@',
];
const hostileNumbers = [
  -1,
  0,
  -0,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

/** Wrong types, huge, NUL-laden, impossible or deeply nested: replaces a value anywhere in a request. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...hostileStrings), weight: 6 },
  { arbitrary: fc.constantFrom(...hostileNumbers), weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(true, false, null, [], {}, [null], { a: 1 }), weight: 3 },
  // Huge strings: one well past every maxLength, one near a JSON body limit.
  { arbitrary: fc.integer({ min: 5_000, max: 300_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 2_000 }).map((n) => `${'é'.repeat(n)}${NUL}`), weight: 1 },
  { arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => new Deep(n)), weight: 1 },
  { arbitrary: fc.array(fc.string(), { minLength: 200, maxLength: 2_000 }), weight: 1 },
  { arbitrary: fc.constant({ [PROTO_MARK]: true }), weight: 1 },
);

const resolve = (s: Schema, doc: Doc): Schema => {
  const ref = s.$ref;
  if (typeof ref !== 'string') return s;
  const name = ref.replace('#/components/schemas/', '');
  return doc.components?.schemas?.[name] ?? {};
};

const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

function stringArb(s: Schema, name: string, pools: Pools): fc.Arbitrary<unknown> {
  const min = num(s.minLength, 0);
  const max = Math.min(num(s.maxLength, 80), 200);
  const pattern = typeof s.pattern === 'string' ? s.pattern : undefined;
  const pooled = pools.get(name) ?? (s.format === 'email' ? pools.get('email') : undefined);
  let base: fc.Arbitrary<string>;
  if (pattern === '^\\d{4}-\\d{2}-\\d{2}$') {
    base = fc.oneof(
      fc
        .date({ min: new Date('2020-01-01'), max: new Date('2032-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom(...impossibleDates),
    );
  } else if (s.format === 'email') {
    base = fc.emailAddress();
  } else if (pattern) {
    try {
      base = fc.stringMatching(new RegExp(pattern)).map((v) => v.slice(0, Math.max(max, min)));
    } catch {
      base = fc.string({ minLength: min, maxLength: Math.max(max, min) });
    }
  } else {
    base = fc.string({ minLength: min, maxLength: Math.max(max, min), unit: 'grapheme' });
  }
  return pooled && pooled.length > 0
    ? fc.oneof({ arbitrary: fc.constantFrom(...pooled), weight: 3 }, { arbitrary: base, weight: 2 })
    : base;
}

/**
 * Values of `schema`, mostly valid (so requests reach the use-cases behind validation), with hostile values
 * in about one node in `hostility`. `name` is the property or parameter name, used to pick known values.
 */
export function fromSchema(
  schema: Schema | undefined,
  doc: Doc,
  pools: Pools,
  name = '',
  depth = 0,
  hostility = 12,
): fc.Arbitrary<unknown> {
  const wrap = (a: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: a, weight: hostility }, { arbitrary: hostileValue, weight: 1 });
  if (!schema || depth > 6) return wrap(fc.constant(null));
  const s = resolve(schema, doc);
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (Array.isArray(alts) && alts.length > 0)
    return fc.oneof(...alts.map((a) => fromSchema(a, doc, pools, name, depth + 1, hostility)));
  if (Array.isArray(s.allOf) && s.allOf.length > 0)
    return fromSchema(s.allOf[0] as Schema, doc, pools, name, depth + 1, hostility);
  if (Array.isArray(s.enum) && s.enum.length > 0) return wrap(fc.constantFrom(...(s.enum as unknown[])));
  if ('const' in s) return wrap(fc.constant(s.const));
  const type = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string | undefined];
  if (type.length > 1)
    return fc.oneof(...type.map((t) => fromSchema({ ...s, type: t }, doc, pools, name, depth, hostility)));
  switch (type[0]) {
    case 'string':
      return wrap(stringArb(s, name, pools));
    case 'integer': {
      const pooled = (pools.get(name) ?? []).filter((v) => typeof v === 'number');
      const int = fc.integer({
        min: Math.max(num(s.minimum, -1000), -(2 ** 31)),
        max: Math.min(num(s.maximum, 100_000), 2 ** 31),
      });
      return wrap(pooled.length > 0 ? fc.oneof(fc.constantFrom(...pooled), int) : int);
    }
    case 'number':
      return wrap(fc.double({ min: num(s.minimum, -1e6), max: num(s.maximum, 1e6), noNaN: true }));
    case 'boolean':
      return wrap(fc.boolean());
    case 'null':
      return wrap(fc.constant(null));
    case 'array': {
      const items = fromSchema(s.items as Schema | undefined, doc, pools, name, depth + 1, hostility);
      const minLength = num(s.minItems, 0);
      return wrap(
        fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(num(s.maxItems, 4), 4)) }),
      );
    }
    case 'object':
    case undefined: {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = Array.isArray(s.required) ? (s.required as string[]) : [];
      const record = fc.record(
        Object.fromEntries(
          Object.entries(props).map(([k, v]) => [k, fromSchema(v, doc, pools, k, depth + 1, hostility)]),
        ),
        { requiredKeys: required },
      );
      const extra = fc.dictionary(
        fc.constantFrom('__proto__', 'constructor', 'extra', 'id', 'organisationId'),
        hostileValue,
        { maxKeys: 2 },
      );
      // Now and then a required key goes missing, or unknown keys come along: each must be a clean 400.
      return wrap(
        fc
          .tuple(
            record,
            hostility > 1000 ? fc.constant(null) : fc.option(extra, { freq: 10 }),
            hostility > 1000 ? fc.constant(null) : fc.option(fc.nat(), { freq: 10 }),
          )
          .map(([r, x, drop]) => {
            const out: Record<string, unknown> = x
              ? { ...Object.fromEntries(Object.entries(x)), ...r }
              : { ...r };
            if (drop !== null && required.length > 0) delete out[required[drop % required.length]!];
            return out;
          }),
      );
    }
    default:
      return wrap(fc.anything());
  }
}

/** JSON text of a generated value: `Deep` markers become real nesting, PROTO_MARK real `__proto__` keys. */
export function toJson(value: unknown): string {
  const deep: number[] = [];
  const text =
    JSON.stringify(value, (_k, v) => {
      if (v instanceof Deep) {
        deep.push(v.depth);
        return `__fuzz_deep_${deep.length - 1}__`;
      }
      return v;
    }) ?? 'null';
  return text
    .replace(/"__fuzz_deep_(\d+)__"/g, (_m, i) => {
      const d = deep[Number(i)]!;
      return `${'['.repeat(d)}${']'.repeat(d)}`;
    })
    .replaceAll(
      `"${PROTO_MARK}":true`,
      '"__proto__":{"role":"admin","polluted":true},"constructor":{"prototype":{"polluted":true}}',
    );
}

/**
 * Walks a JSON answer and adds every scalar under its property name to the pools; `id` and `ref` values
 * also go under `seg:<collection>`, the collection being the enclosing property (`actions`, `checks`) or,
 * at the top and in `items`, the last literal segment of the path that answered (`findings`).
 */
export function collect(pools: Pools, value: unknown, context: string, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  const add = (key: string, v: unknown) => {
    const list = pools.get(key) ?? [];
    if (list.length < 40 && !list.includes(v)) list.push(v);
    pools.set(key, list);
  };
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if ((typeof v === 'string' && v.length <= 200) || typeof v === 'number') {
      add(k, v);
      if (k === 'id' || k === 'ref' || k === 'number' || k === 'version') add(`seg:${context}`, v);
    } else collect(pools, v, Array.isArray(value) || k === 'items' ? context : k, depth + 1);
  }
}

/** The last literal segment before `{param}` in a path template: `findings` for `/findings/{findingId}`. */
export const segmentBefore = (path: string, param?: string) => {
  const parts = path.split('/');
  const at = param ? parts.indexOf(`{${param}}`) : parts.length;
  return (
    parts
      .slice(0, at)
      .reverse()
      .find((p) => p !== '' && !p.startsWith('{')) ?? ''
  );
};

/** Known values for a path parameter: its collection's ids, its own name (`findingId`), then any id. */
export function poolFor(pools: Pools, name: string, segment = ''): unknown[] {
  const seg = pools.get(`seg:${segment}`) ?? [];
  const own = pools.get(name) ?? [];
  const generic = /Id$/.test(name) ? 'id' : /Ref$/.test(name) ? 'ref' : name === 'org' ? 'slug' : '';
  const fallback = seg.length + own.length > 0 ? [] : (pools.get(generic) ?? []).slice(0, 40);
  return [...seg, ...own, ...fallback];
}
