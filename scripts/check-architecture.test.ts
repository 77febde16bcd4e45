// Self-test of the architecture rules on small synthetic file sets: each rule must be able to fail.
import { describe, expect, it } from 'vitest';
import { cycles } from './architecture/imports.ts';
import { checkArchitecture } from './architecture/rules.ts';

const check = (files: Record<string, string>, knownModuleCycles: string[][] = []) =>
  checkArchitecture(new Map(Object.entries(files)), { knownModuleCycles, tableOwners: { x: 'a' } });

const service = (imports: string) => `${imports}\nexport async function run() {\n  return 1;\n}\n`;

describe('module public faces', () => {
  it("reports an import of another module's repository", () => {
    const problems = check({
      'src/modules/a/a.service.ts': service("import { findB } from '../b/b.repository.ts';"),
      'src/modules/b/b.repository.ts': 'export const findB = 1;\n',
      'src/modules/b/index.ts': "export { findB } from './b.read.ts';\n",
    });
    expect(problems).toEqual([
      "src/modules/a/a.service.ts: imports '../b/b.repository.ts': module 'b' is reached only through src/modules/b/index.ts",
    ]);
  });

  it("reports src/http, src/cli and dynamic imports reaching into a module's internals", () => {
    const problems = check({
      'src/http/gate.ts': "import { x } from '../modules/b/b.service.ts';\n",
      'src/cli/main.ts': "const { x } = await import('../modules/b/b.service.ts');\n",
      'src/modules/b/b.service.ts': 'export const x = 1;\n',
    });
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.includes('reached only through src/modules/b/index.ts'))).toBe(true);
  });

  it('accepts index.ts, route files mounted by src/http/routes.ts, own files and tests', () => {
    expect(
      check({
        'src/modules/a/a.service.ts': service("import { findB } from '../b/index.ts';"),
        'src/modules/a/a.routes.ts': "import { run } from './a.service.ts';\nexport const r = run;\n",
        'src/modules/b/index.ts': "export { findB } from './b.read.ts';\n",
        'src/modules/b/b.read.ts':
          "import * as repo from './b.repository.ts';\nexport const findB = () => repo.findB;\n",
        'src/modules/b/b.repository.ts': 'export const findB = 1;\n',
        'src/http/routes.ts': "import { r } from '../modules/a/a.routes.ts';\nexport const all = [r];\n",
        'test/a.test.ts': "import { findB } from '../src/modules/b/b.repository.ts';\n",
      }),
    ).toEqual([]);
  });
});

describe('repositories private, tables written by their owner', () => {
  const owners = { finding: 'findings', corrective_action_record: 'corrective-actions' };
  const checkOwned = (files: Record<string, string>) =>
    checkArchitecture(new Map(Object.entries(files)), { knownModuleCycles: [], tableOwners: owners });

  it("reports a repository writing another module's table, and a table with no owner", () => {
    // #15: findings.repository.ts inserted the corrective-action record row.
    const problems = checkOwned({
      'src/modules/findings/findings.repository.ts':
        "export const a = (db) => db.insertInto('finding').values({}).execute();\n" +
        "export const b = (db) => db.insertInto('corrective_action_record').values({}).execute();\n" +
        "export const c = (db) => db.updateTable('audit_note').set({}).execute();\n",
    });
    expect(problems).toEqual([
      "src/modules/findings/findings.repository.ts: writes table 'corrective_action_record' of module 'corrective-actions'; call a write of src/modules/corrective-actions/index.ts",
      "src/modules/findings/findings.repository.ts: writes table 'audit_note', which has no owner in scripts/architecture/tables.ts",
    ]);
  });

  it('accepts reads of other tables and writes of its own', () => {
    expect(
      checkOwned({
        'src/modules/corrective-actions/corrective-actions.repository.ts':
          "export const r = (db) => db.selectFrom('finding').selectAll().execute();\n" +
          "export const w = (db) => db.deleteFrom('corrective_action_record').execute();\n",
      }),
    ).toEqual([]);
  });

  it('reports index.ts (or any file) re-exporting repository functions, not types', () => {
    // #15: module index.ts files re-exported repository functions to other modules.
    const problems = checkOwned({
      'src/modules/findings/index.ts':
        "export { findFinding, updateFinding } from './findings.repository.ts';\n" +
        "export type { FindingFilter } from './findings.repository.ts';\n",
      'src/modules/findings/findings.read.ts': "export * from './events.repository.ts';\n",
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^src\/modules\/findings\/index.ts: re-exports '.\/findings.repository.ts'/);
    expect(problems[1]).toMatch(
      /^src\/modules\/findings\/findings.read.ts: re-exports '.\/events.repository.ts'/,
    );
  });
});

describe('SQL only in repositories', () => {
  it('reports query building and sql templates outside *.repository.ts', () => {
    const problems = check({
      'src/modules/a/a.service.ts': "export const q = (db) =>\n  db.selectFrom('finding').selectAll();\n",
      'src/http/gate.ts': "import { sql } from 'kysely';\nexport const n = sql<number>`select 1`;\n",
      'src/modules/a/a.read.ts': "export const u = (db) => db.updateTable('x').set({}).execute();\n",
    });
    expect(problems).toEqual([
      "src/modules/a/a.service.ts:2: SQL outside a repository ('.selectFrom('); move it to the owning module's *.repository.ts",
      "src/http/gate.ts:2: SQL outside a repository ('sql<number>`'); move it to the owning module's *.repository.ts",
      "src/modules/a/a.read.ts:1: SQL outside a repository ('.updateTable('); move it to the owning module's *.repository.ts",
    ]);
  });

  it('accepts SQL in repositories, migrations and tests, and ignores it in comments', () => {
    expect(
      check({
        'src/modules/a/a.repository.ts': "export const q = (db) => db.deleteFrom('x').execute();\n",
        'src/db/migrations/0001.ts':
          "import { sql } from 'kysely';\nexport const up = sql`create table x ()`;\n",
        'test/a.test.ts': "export const q = (db) => db.insertInto('x');\n",
        'src/modules/a/a.service.ts':
          "// the repository runs db.selectFrom('x')\n/* sql`no` */ export const y = 1;\n",
      }),
    ).toEqual([]);
  });
});

describe('import cycles', () => {
  it('reports a cycle between two files, type-only imports included', () => {
    const problems = check({
      'src/domain/a.ts': "import type { B } from './b.ts';\nexport type A = B;\n",
      'src/domain/b.ts': "import { a } from './a.ts';\nexport type B = typeof a;\n",
    });
    expect(problems).toEqual(['import cycle between files: src/domain/a.ts ↔ src/domain/b.ts']);
  });

  it('reports a cycle of three web files', () => {
    const problems = check({
      'web/src/A.tsx': "import { B } from './B.tsx';\nexport const A = B;\n",
      'web/src/B.tsx': "import { C } from './C.tsx';\nexport const B = C;\n",
      'web/src/C.tsx': "import { A } from './A.tsx';\nexport const C = A;\n",
    });
    expect(problems).toEqual(['import cycle between files: web/src/A.tsx ↔ web/src/B.tsx ↔ web/src/C.tsx']);
  });

  it('reports modules that import each other, even through their index files', () => {
    const files = {
      'src/modules/a/index.ts': "export { runA } from './a.service.ts';\n",
      'src/modules/a/a.service.ts': "import { runB } from '../b/index.ts';\nexport const runA = runB;\n",
      'src/modules/b/index.ts': "export { runB } from './b.service.ts';\n",
      'src/modules/b/b.service.ts':
        "import type { runA } from '../a/index.ts';\nexport const runB = 1 as unknown as typeof runA;\n",
    };
    const problems = check(files);
    expect(problems[0]).toBe('import cycle between modules: a ↔ b');
    expect(problems[1]).toMatch(/^import cycle between files: src\/modules\/a\/a\.service\.ts ↔ /);
    // Tolerated while listed as a known cycle; a listed cycle that is gone must be removed from the list.
    expect(check(files, [['a', 'b']])).toEqual([]);
    expect(check(files, [['a', 'b', 'c']])).toEqual([
      'known module cycle a ↔ b ↔ c is now a ↔ b: shrink KNOWN_MODULE_CYCLES',
    ]);
    expect(check(files, [['a', 'c']])[0]).toBe('import cycle between modules: a ↔ b');
    expect(check({ 'src/x.ts': 'export const x = 1;\n' }, [['a', 'b']])).toEqual([
      'known module cycle a ↔ b no longer exists: remove it from KNOWN_MODULE_CYCLES',
    ]);
  });

  it('finds every strongly connected component and nothing in a DAG', () => {
    const graph = new Map<string, Set<string>>([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set(['e'])],
      ['e', new Set(['d'])],
      ['f', new Set(['f'])],
      ['g', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual([['d', 'e'], ['a', 'b', 'c'], ['f']]);
    expect(
      cycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set<string>()],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('layers and file length', () => {
  it('reports the domain importing a module and the web importing the server', () => {
    const problems = check({
      'src/domain/x.ts': "import { run } from '../modules/a/index.ts';\nexport const x = run;\n",
      'src/modules/a/index.ts': 'export const run = 1;\n',
      'web/src/Page.tsx': "import { run } from '../../src/modules/a/index.ts';\nexport const P = run;\n",
      'web/src/ok.ts': "import { t } from '../../src/vocabulary/grades.ts';\nexport const o = t;\n",
      'src/vocabulary/grades.ts': 'export const t = 1;\n',
    });
    expect(problems).toEqual([
      "src/domain/x.ts: imports '../modules/a/index.ts': src/domain is pure: it imports only src/domain, src/vocabulary and packages, and no I/O modules",
      "web/src/Page.tsx: imports '../../src/modules/a/index.ts': the web app imports only src/contracts and src/vocabulary from the server side",
    ]);
  });

  it('reports a file over the line limit', () => {
    expect(check({ 'src/long.ts': 'export const x = 1;\n'.repeat(300) })).toEqual([
      'src/long.ts: 301 lines (limit 300); split it by concern',
    ]);
  });
});
