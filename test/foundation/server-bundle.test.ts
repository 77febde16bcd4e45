import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleIsCurrent } from '../../bin/bundle.js';

// bin/closeloop.js runs dist/server/ (scripts/build-server.ts, built by the global setup and by
// `npm run build`) only while it was built from the tree as it is: docs/decisions/0022-server-bundle.md.
describe('the server bundle', () => {
  const tree = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-bundle-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.mkdirSync(path.join(dir, 'dist/server'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src/a.ts'), 'export const a = 1;\n');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, 'src/a.ts'), old, old);
    const stamp = (inputs: string[]) =>
      fs.writeFileSync(
        path.join(dir, 'dist/server/inputs.json'),
        JSON.stringify({ builtAt: Date.now(), inputs }),
      );
    return { dir, root: pathToFileURL(`${dir}/`), stamp };
  };

  it('is taken while no input is newer than the build; an edit, a deleted input or the override refuse it', () => {
    const t = tree();
    expect(bundleIsCurrent(t.root, {})).toBe(false); // never built
    t.stamp(['src/a.ts']);
    expect(bundleIsCurrent(t.root, {})).toBe(true);
    expect(bundleIsCurrent(t.root, { CLOSELOOP_FROM_SOURCES: '1' })).toBe(false);
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(t.dir, 'src/a.ts'), later, later);
    expect(bundleIsCurrent(t.root, {})).toBe(false); // edited after the build
    t.stamp(['src/a.ts', 'src/gone.ts']);
    expect(bundleIsCurrent(t.root, {})).toBe(false); // an input was deleted
    t.stamp([]);
    expect(bundleIsCurrent(t.root, {})).toBe(false); // an empty record proves nothing
  });

  it('runs, and finds files next to the sources as tsx does (package.json read from src/cli/run.ts)', () => {
    const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).version;
    expect(execFileSync('node', ['dist/server/closeloop.mjs', '--version'], { encoding: 'utf8' })).toBe(
      `${version}\n`,
    );
    expect(
      execFileSync('node', ['bin/closeloop.js', '--version'], {
        encoding: 'utf8',
        env: { ...process.env, CLOSELOOP_FROM_SOURCES: '1' },
      }),
    ).toBe(`${version}\n`);
  });
});
