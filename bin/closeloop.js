#!/usr/bin/env node
// Entry point of the `closeloop` command. It runs the server bundle that `npm run build` (and so
// `npm start`) writes to dist/server/ while none of the sources it was built from has changed since;
// otherwise, or with CLOSELOOP_FROM_SOURCES=1, the TypeScript sources through tsx's loader, so a fresh
// clone or an edited tree needs no compile step (docs/decisions/0002 and 0022).
import { bundleIsCurrent } from './bundle.js';

if (bundleIsCurrent(new URL('../', import.meta.url))) {
  // Not minified, so a stack trace names functions and, beside each, its source file's path comment;
  // NODE_OPTIONS=--enable-source-maps maps it to the .ts lines (off by default: ~20 MB and 0.2 s at start).
  await import('../dist/server/closeloop.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
