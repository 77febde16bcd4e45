// The import graph of an in-memory file map: every file's relative imports, resolved to files of the map.
import path from 'node:path';

/** Repository-relative path ('src/x/y.ts', forward slashes) → file text. */
export type FileMap = ReadonlyMap<string, string>;

export interface ImportEdge {
  /** the specifier as written */
  spec: string;
  /** the file it resolves to inside the map, '' for a package, node: builtin or an unresolved path */
  target: string;
  /** `import type` / `export type`: erased at run time, still a dependency of the design */
  typeOnly: boolean;
}

const importRe =
  /(?:^|\n)\s*(import|export)(\s+type)?\b[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Block and line comments blanked out (lengths kept) so commented-out code neither imports nor queries. */
export function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/[^\n]*/g, (m, lead: string | undefined) =>
    lead === undefined ? m.replace(/[^\n]/g, ' ') : lead + ' '.repeat(m.length - lead.length),
  );
}

function resolve(from: string, spec: string, files: FileMap): string {
  if (!spec.startsWith('.')) return '';
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (files.has(candidate)) return candidate;
  }
  return base;
}

export function importsOf(file: string, text: string, files: FileMap): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const m of stripComments(text).matchAll(importRe)) {
    const spec = (m[3] ?? m[4] ?? m[5])!;
    edges.push({ spec, target: resolve(file, spec, files), typeOnly: Boolean(m[2]) });
  }
  return edges;
}

/** Strongly connected components with more than one member (or a self-import): Tarjan, iterative. */
export function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; next: Iterator<string> }[] = [];
    const enter = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: [...(graph.get(node) ?? [])].sort()[Symbol.iterator]() });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const step = frame.next.next();
      if (!step.done) {
        const to = step.value;
        if (!index.has(to)) enter(to);
        else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || graph.get(frame.node)?.has(frame.node)) found.push(component.sort());
    }
  }
  return found;
}
