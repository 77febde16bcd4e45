import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type Cluster, startCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** A folder for this run's shared fixtures (the demo templates, test/support/demo-template.ts). */
    testRunDir: string;
  }
}

let cluster: Cluster | null = null;
let runDir: string | null = null;

/**
 * Starts one PostgreSQL cluster for the whole run; each test file makes its own database in it.
 * Under CI=true a missing PostgreSQL is a failure, not a skip.
 */
export async function setup(project: TestProject) {
  cluster = await startCluster();
  if (!cluster && process.env.CI === 'true') {
    throw new Error(
      'PostgreSQL binaries (initdb, pg_ctl) not found: install postgresql-15 or set PG_BIN_DIR',
    );
  }
  if (!cluster) console.warn('closeloop tests: PostgreSQL not found, database tests run on SQLite only');
  project.provide('postgresUrl', cluster?.url ?? null);
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-run-'));
  project.provide('testRunDir', runDir);
}

export async function teardown() {
  try {
    cluster?.stop();
  } finally {
    if (runDir) fs.rmSync(runDir, { recursive: true, force: true });
  }
}
