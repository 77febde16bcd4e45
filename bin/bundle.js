// Whether bin/closeloop.js may run the server bundle in dist/server/ (scripts/build-server.ts) instead of
// the sources: only while it exists and none of the files it was built from is newer than the build or
// gone, so an edited tree never runs yesterday's code. CLOSELOOP_FROM_SOURCES=1 always takes the sources.
import { readFileSync, statSync } from 'node:fs';

/** `root` is the repository's URL (with a trailing slash); `env` the process environment. */
export function bundleIsCurrent(root, env = process.env) {
  if (env.CLOSELOOP_FROM_SOURCES === '1') return false;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('dist/server/inputs.json', root), 'utf8'));
    if (!Array.isArray(inputs) || inputs.length === 0 || typeof builtAt !== 'number') return false;
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}
