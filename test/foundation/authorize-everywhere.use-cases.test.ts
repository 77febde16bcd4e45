import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/contracts/errors.ts';
import type { OrgContext } from '../../src/modules/context.ts';
import type { Role } from '../../src/vocabulary/index.ts';

// Every use-case checks the policy table itself (`authorize`), first thing, so a use-case reached from the
// CLI, a job or another module is checked as the gate checks a request. The list is derived, not written:
// every exported function of a module's use-case files (`*.service.ts` and the other files beside them
// that are not repositories, presenters, routes, read models or the index) shaped `(input, ctx)`: the
// context last and named `ctx`. Helpers that compose inside another use-case take the context alone or
// first (`calendarOf(ctx)`, `closureOf(ctx, key)`), or name it otherwise (`tx`, a renderer's `doc`).
// Each is called with a context whose role the table grants nothing and whose database throws on any use:
// the answer must be `forbidden`, before a single query (so before any write).

const modulesDir = path.resolve(import.meta.dirname, '../../src/modules');
const notUseCaseFile = /\.(repository|presenter|routes|read|test)\.ts$|^index\.ts$/;

function filesWithUseCases(): string[] {
  return fs
    .readdirSync(modulesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(modulesDir, d.name))
        .filter((f) => f.endsWith('.ts') && !notUseCaseFile.test(f))
        .map((f) => `${d.name}/${f}`),
    )
    .sort();
}

/** The parameter names of a function, from its source (top-level commas of the first parameter list). */
function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const src = fn.toString();
  const open = src.indexOf('(');
  let depth = 0;
  let current = '';
  const params: string[] = [];
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i]!;
    if (depth === 0 && (c === ',' || c === ')')) {
      if (current.trim()) params.push(current.trim());
      current = '';
      if (c === ')') break;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    current += c;
  }
  return params.map((p) => p.split('=')[0]!.trim());
}

const untouchable = new Proxy(
  {},
  {
    get(_t, prop) {
      if (prop === 'then') return undefined;
      throw new Error(`the database was used (db.${String(prop)}) before authorize`);
    },
  },
);

const nobody = {
  actor: { userId: 'u-nobody', label: 'nobody@example.test', via: 'session' },
  // A role the policy table grants nothing: every use-case must refuse it.
  access: { kind: 'member', role: 'nobody' as Role, scope: { kind: 'all' } },
  organisation: { id: 'org-x', slug: 'x', name: 'X' },
  db: untouchable,
  kind: 'sqlite',
  now: () => new Date('2026-01-01T00:00:00Z'),
  env: { mailer: untouchable, publicUrl: 'http://localhost' },
  store: untouchable,
  maxBytes: 1,
} as unknown as OrgContext;

interface UseCase {
  name: string;
  run: (ctx: OrgContext) => unknown;
}

async function discover(): Promise<UseCase[]> {
  const found: UseCase[] = [];
  for (const file of filesWithUseCases()) {
    const mod = (await import(path.join(modulesDir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue;
      const fn = value as (...args: unknown[]) => unknown;
      const params = parameterNames(fn);
      if (params.length < 2 || params.at(-1) !== 'ctx') continue;
      found.push({ name: `${file} ${name}`, run: (ctx) => fn(...params.slice(0, -1).map(() => ({})), ctx) });
    }
  }
  return found;
}

describe('every use-case authorises', () => {
  let useCases: UseCase[] = [];
  // Importing every module file once (the hook's own timeout covers a cold transform).
  beforeAll(async () => {
    useCases = await discover();
  });

  it('reads the parameter names of plain, destructuring and arrow functions', () => {
    expect(
      parameterNames(async function f({ a, b }: { a: 1; b: 2 }, ctx: number) {
        return a + b + ctx;
      }),
    ).toEqual(['{ a, b }', 'ctx']);
    expect(parameterNames((_i: unknown, ctx = 1) => ctx)).toEqual(['_i', 'ctx']);
    expect(
      parameterNames(function g(ctx: string, policyKey: string) {
        return ctx + policyKey;
      }),
    ).toEqual(['ctx', 'policyKey']);
  });

  it('refuses a role the policy table grants nothing, before touching the database', async () => {
    // The derivation finds the use-cases of every module (a broken derivation must not pass by finding none).
    expect(useCases.length).toBeGreaterThan(150);
    const answers: string[] = [];
    for (const u of useCases) {
      // A use-case that waits on something before refusing is bounded and named, not a hung test.
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('did not answer'), 2_000);
      });
      const call = Promise.resolve()
        .then(() => u.run(nobody))
        .then(
          () => 'succeeded',
          (err: unknown) =>
            err instanceof AppError
              ? err.code
              : `threw ${err instanceof Error ? err.message.slice(0, 80) : String(err)}`,
        );
      const outcome = await Promise.race([call, bound]);
      clearTimeout(timer);
      if (outcome !== 'forbidden') answers.push(`${u.name}: ${outcome}`);
    }
    expect(answers).toEqual([]);
  });
});
