// Lint rules Biome cannot express: layer directions, module public faces (index.ts), SQL only in
// repositories, no import cycles, and the file-length limit. The rules are in scripts/architecture/rules.ts
// (self-tested in scripts/check-architecture.test.ts); docs/ARCHITECTURE.md explains them. Exits 1 listing
// every violation.
import fs from 'node:fs';
import path from 'node:path';
import { checkArchitecture } from './architecture/rules.ts';

const root = path.resolve(import.meta.dirname, '..');

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(ts|tsx)$/.test(entry.name)) yield full;
  }
}

const files = new Map<string, string>();
for (const dir of ['src', 'web/src', 'e2e', 'test', 'bench', 'scripts']) {
  for (const file of walk(path.join(root, dir)))
    files.set(path.relative(root, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8'));
}

const problems = checkArchitecture(files);
if (problems.length > 0) {
  console.error(`architecture check: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`architecture check: ok (${files.size} files)`);
