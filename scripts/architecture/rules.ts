// The architecture rules as one pure function over an in-memory file map, so each rule can be
// self-tested on synthetic files (scripts/check-architecture.test.ts). docs/ARCHITECTURE.md explains them.
import { cycles, type FileMap, importsOf, stripComments } from './imports.ts';
import { repositoryReexportProblems, TABLE_OWNERS, tableWriteProblems } from './tables.ts';

export const MAX_LINES = 300;
export const MAX_TEST_LINES = 400;

/** Tests, the e2e suite and benchmarks may import anything and use SQL to arrange their data. */
export const isTest = (f: string) => /\.test\.tsx?$/.test(f) || /^(test|e2e|bench)\//.test(f);

interface LayerRule {
  applies: (file: string) => boolean;
  allows: (target: string, spec: string) => boolean;
  why: string;
}

const vocabularyOrSelf = (t: string, self: string) => t.startsWith(self) || t.startsWith('src/vocabulary/');

const layerRules: LayerRule[] = [
  {
    applies: (f) => f.startsWith('src/domain/') && !isTest(f),
    allows: (t, spec) =>
      t ? vocabularyOrSelf(t, 'src/domain/') : !spec.startsWith('node:') || spec === 'node:crypto',
    why: 'src/domain is pure: it imports only src/domain, src/vocabulary and packages, and no I/O modules',
  },
  {
    applies: (f) => f.startsWith('src/vocabulary/') && !isTest(f),
    allows: (t, spec) => (t ? t.startsWith('src/vocabulary/') : spec === 'zod'),
    why: 'src/vocabulary holds the shared terms: it imports only itself and zod',
  },
  {
    applies: (f) => f.startsWith('src/contracts/'),
    allows: (t) => !t || vocabularyOrSelf(t, 'src/contracts/'),
    why: 'src/contracts depends on nothing of ours but src/vocabulary',
  },
  {
    applies: (f) => f.startsWith('web/'),
    allows: (t) =>
      !t || t.startsWith('web/') || t.startsWith('src/contracts/') || t.startsWith('src/vocabulary/'),
    why: 'the web app imports only src/contracts and src/vocabulary from the server side',
  },
];

/** 'src/modules/findings/findings.service.ts' → 'findings'; '' for files outside a module folder. */
export function moduleOf(file: string): string {
  return /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? '';
}

/**
 * Another module is reached through its public face, `src/modules/<y>/index.ts` (use-cases, read models and
 * writes with declared shapes; never its repository, see tables.ts). Two seams are named: src/http/routes.ts mounts each module's
 * `*.routes.ts` (the HTTP face, kept out of index.ts so that use-cases never depend on Fastify), and the
 * transaction kernel src/modules/context.ts appends to the audit chain in the same transaction.
 */
function mayReach(from: string, target: string, other: string): boolean {
  if (target === `src/modules/${other}/index.ts`) return true;
  if (from === 'src/http/routes.ts' && target.endsWith('.routes.ts')) return true;
  return from === 'src/modules/context.ts' && target === 'src/modules/audit-log/audit-log.repository.ts';
}

/** Kysely query building and raw `sql` templates: allowed only in repositories and src/db. */
const sqlRe =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(|\bsql\s*(<[^`;]*?>)?\s*`|\bsql\.(raw|ref|table|id|lit|val|join)\s*\(/;
const mayHoldSql = (f: string) => f.endsWith('.repository.ts') || f.startsWith('src/db/') || isTest(f);

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/**
 * Module cycles not yet untangled, each a set of modules; a cycle is tolerated only while it stays inside
 * one of these sets (a new module joining it, or a new cycle anywhere, fails), and an entry larger than the
 * cycle it covers must shrink to it (or go). Empty since #15 untied audits, findings, corrective actions and
 * evidence; keep it so (docs/ARCHITECTURE.md says how two modules that need each other are arranged).
 */
export const KNOWN_MODULE_CYCLES: readonly (readonly string[])[] = [];

export interface CheckOptions {
  knownModuleCycles?: readonly (readonly string[])[];
  tableOwners?: Readonly<Record<string, string>>;
}

export function checkArchitecture(files: FileMap, options: CheckOptions = {}): string[] {
  const known = (options.knownModuleCycles ?? KNOWN_MODULE_CYCLES).map((c) => new Set(c));
  const tolerated = (modules: string[]) =>
    modules.every((m) => m !== '') && known.find((k) => modules.every((m) => k.has(m)));
  const covered = new Map<Set<string>, Set<string>>();
  const problems: string[] = [];
  const fileGraph = new Map<string, Set<string>>();
  const moduleGraph = new Map<string, Set<string>>();
  for (const [name, text] of files) {
    const lines = text.split('\n').length;
    const limit = isTest(name) ? MAX_TEST_LINES : MAX_LINES;
    if (lines > limit) problems.push(`${name}: ${lines} lines (limit ${limit}); split it by concern`);

    const code = stripComments(text);
    const sql = sqlRe.exec(code);
    if (sql && !mayHoldSql(name))
      problems.push(
        `${name}:${lineOf(code, sql.index)}: SQL outside a repository ('${sql[0].trim()}'); move it to the owning module's *.repository.ts`,
      );

    const own = moduleOf(name);
    if (own && !isTest(name)) {
      if (name.endsWith('.repository.ts'))
        problems.push(...tableWriteProblems(name, own, code, options.tableOwners ?? TABLE_OWNERS));
      problems.push(...repositoryReexportProblems(name, code));
    }
    const out = new Set<string>();
    fileGraph.set(name, out);
    for (const edge of importsOf(name, text, files)) {
      for (const rule of layerRules) {
        if (rule.applies(name) && !rule.allows(edge.target, edge.spec))
          problems.push(`${name}: imports '${edge.spec}': ${rule.why}`);
      }
      if (!files.has(edge.target)) continue;
      out.add(edge.target);
      const other = moduleOf(edge.target);
      if (!other || other === own) continue;
      if (own && !isTest(name)) {
        const deps = moduleGraph.get(own) ?? new Set<string>();
        deps.add(other);
        moduleGraph.set(own, deps);
      }
      if (!isTest(name) && !mayReach(name, edge.target, other))
        problems.push(
          `${name}: imports '${edge.spec}': module '${other}' is reached only through src/modules/${other}/index.ts`,
        );
    }
  }
  for (const component of cycles(moduleGraph)) {
    const k = tolerated(component);
    if (k) covered.set(k, new Set([...(covered.get(k) ?? []), ...component]));
    else problems.push(`import cycle between modules: ${component.join(' ↔ ')}`);
  }
  for (const component of cycles(fileGraph)) {
    if (!tolerated(component.map(moduleOf)))
      problems.push(`import cycle between files: ${component.join(' ↔ ')}`);
  }
  for (const k of known) {
    const now = covered.get(k);
    if (!now)
      problems.push(
        `known module cycle ${[...k].join(' ↔ ')} no longer exists: remove it from KNOWN_MODULE_CYCLES`,
      );
    else if (now.size < k.size)
      problems.push(
        `known module cycle ${[...k].join(' ↔ ')} is now ${[...now].sort().join(' ↔ ')}: shrink KNOWN_MODULE_CYCLES`,
      );
  }
  return problems;
}
