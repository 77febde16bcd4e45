import type { TestProject } from 'vitest/node';
import { bundleIsCurrent } from '../../bin/bundle.js';
import { buildServer } from '../../scripts/build-server.ts';
import { type Cluster, startCluster } from './postgres-cluster.ts';
import { buildTemplates } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** Migrated databases each test database is copied from (test/support/templates.ts). */
    templates: { sqlite: string; postgres: string | null };
  }
}

let cluster: Cluster | null = null;

/**
 * Starts one PostgreSQL cluster for the whole run; each test file makes its own database in it.
 * Under CI=true a missing PostgreSQL is a failure, not a skip.
 */
export async function setup(project: TestProject) {
  // The processes tests start (bin/closeloop.js) run the server bundle, as `npm start` does; built here,
  // so a run after an edit never tests an older one (bin/bundle.js would fall back to the sources anyway).
  // Not rebuilt while current: under `npm test` the browser tests' server runs it at the same time, and a
  // rebuild swaps the folder its lazily loaded chunks come from.
  if (!bundleIsCurrent(new URL('../../', import.meta.url))) await buildServer();
  cluster = await startCluster();
  if (!cluster && process.env.CI === 'true') {
    throw new Error(
      'PostgreSQL binaries (initdb, pg_ctl) not found: install postgresql-15 or set PG_BIN_DIR',
    );
  }
  if (!cluster) console.warn('closeloop tests: PostgreSQL not found, database tests run on SQLite only');
  project.provide('postgresUrl', cluster?.url ?? null);
  project.provide('templates', await buildTemplates(cluster?.url ?? null));
}

export async function teardown() {
  cluster?.stop();
}
