#!/usr/bin/env node
// Entry point of the `closeloop` command. TypeScript sources run through tsx's loader so that a fresh
// clone needs no compile step for the server or the CLI (the web bundle is built by `npm start`).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
