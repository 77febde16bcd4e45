// Lint rules Biome cannot express: import directions between layers and the file-length limit.
// See docs/ARCHITECTURE.md ("Layers"). Exits 1 listing every violation.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const MAX_LINES = 300;
const MAX_TEST_LINES = 400;

function* files(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(ts|tsx)$/.test(entry.name)) yield full;
  }
}

const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
const importRe =
  /(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Rule {
  applies: (file: string) => boolean;
  allows: (target: string, spec: string) => boolean;
  why: string;
}

// src/vocabulary holds the shared terms (grades, statuses, roles, actor kinds, the policy table): every
// layer may import it, and it imports nothing of ours but itself.
const vocabulary = (t: string) => t.startsWith('src/vocabulary/');

const rules: Rule[] = [
  {
    applies: (f) => f.startsWith('src/vocabulary/') && !f.endsWith('.test.ts'),
    allows: (t, spec) => (t ? vocabulary(t) : spec === 'zod'),
    why: 'src/vocabulary imports only zod and itself',
  },
  {
    applies: (f) => f.startsWith('src/domain/') && !f.endsWith('.test.ts'),
    allows: (t, spec) =>
      t ? t.startsWith('src/domain/') || vocabulary(t) : !spec.startsWith('node:') || spec === 'node:crypto',
    why: 'src/domain is pure: it imports only src/domain, src/vocabulary and packages, and no I/O modules',
  },
  {
    applies: (f) => f.startsWith('src/contracts/'),
    allows: (t) => !t || t.startsWith('src/contracts/') || vocabulary(t),
    why: 'src/contracts depends on nothing of ours but src/vocabulary',
  },
  {
    applies: (f) => f.startsWith('web/'),
    allows: (t) => !t || t.startsWith('web/') || t.startsWith('src/contracts/') || vocabulary(t),
    why: 'the web app imports only src/contracts and src/vocabulary from the server side',
  },
];

const problems: string[] = [];
for (const dir of ['src', 'web/src', 'e2e', 'test', 'bench', 'scripts']) {
  for (const file of files(path.join(root, dir))) {
    const name = rel(file);
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n').length;
    const limit = /\.test\.tsx?$|^e2e\/|^test\//.test(name) ? MAX_TEST_LINES : MAX_LINES;
    if (lines > limit) problems.push(`${name}: ${lines} lines (limit ${limit}); split it by concern`);
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2]!;
      const target = spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : '';
      for (const rule of rules) {
        if (rule.applies(name) && !rule.allows(target, spec))
          problems.push(`${name}: imports '${spec}': ${rule.why}`);
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`architecture check: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('architecture check: ok');
