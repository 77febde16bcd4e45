import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { loadDemo } from '../../src/demo/index.ts';
import { createRuntime } from '../../src/runtime.ts';
import { type Kind, postgresUrl, testConfig } from './harness.ts';

// The demo organisation, loaded ONCE per engine per run and cloned for every test file that needs it.
// Loading it takes tens of seconds (minutes on PostgreSQL under load); a clone takes well under one.
// - SQLite: the template is a data folder (closeloop.db, closed so its WAL is checkpointed, plus the
//   evidence files and secret); a clone is a copy of the folder.
// - PostgreSQL: the template is the database `demo_template` in the run's cluster; a clone is
//   `CREATE DATABASE … TEMPLATE demo_template` plus a copy of the template's data folder (evidence).
// The first file to ask builds the template under a lock directory in the run's folder (made by the
// global setup); the others wait for its `ready` file. The demo seeds relative to the time it is loaded,
// so a template built minutes before a test is as current as one built in the test.
// test/foundation/demo.test.ts still loads the demo from scratch on each engine: loading stays tested.

export const DEMO_TEMPLATE_DB = 'demo_template';
/** Hook timeout for a file's first clone, which may build the template (or wait for another file). */
export const DEMO_TEMPLATE_TIMEOUT = 300_000;

interface TemplateInfo {
  dataDir: string;
}

const runDir = () => inject('testRunDir');

function paths(kind: Kind) {
  const dir = runDir();
  return {
    lock: path.join(dir, `demo-${kind}.lock`),
    ready: path.join(dir, `demo-${kind}.ready.json`),
    failed: path.join(dir, `demo-${kind}.failed`),
    dataDir: path.join(dir, `demo-${kind}-data`),
  };
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const base = postgresUrl();
  if (!base) throw new Error('PostgreSQL cluster not available');
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function build(kind: Kind, dataDir: string): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    await withAdmin((c) => c.query(`create database ${DEMO_TEMPLATE_DB}`));
    databaseUrl = postgresUrl()!.replace(/\/postgres$/, `/${DEMO_TEMPLATE_DB}`);
  }
  const rt = await createRuntime(testConfig({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) }), {
    migrate: true,
    logger: pino({ level: 'silent' }),
  });
  try {
    const loaded = await loadDemo(rt);
    if (!loaded.created) throw new Error('demo template: the demo was already there');
  } finally {
    // Closing the last SQLite connection checkpoints the WAL into closeloop.db; closing the pool leaves
    // no session on the PostgreSQL template, which CREATE DATABASE … TEMPLATE requires.
    await rt.close();
  }
}

/** Builds the engine's template once per run (or waits for the file building it) and says where it is. */
async function template(kind: Kind): Promise<TemplateInfo> {
  const p = paths(kind);
  const deadline = Date.now() + DEMO_TEMPLATE_TIMEOUT;
  let mine = false;
  try {
    fs.mkdirSync(p.lock);
    mine = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if (mine) {
    try {
      await build(kind, p.dataDir);
      fs.writeFileSync(p.ready, JSON.stringify({ dataDir: p.dataDir } satisfies TemplateInfo));
    } catch (err) {
      fs.writeFileSync(p.failed, err instanceof Error ? (err.stack ?? err.message) : String(err));
      throw err;
    }
  }
  for (;;) {
    if (fs.existsSync(p.ready)) return JSON.parse(fs.readFileSync(p.ready, 'utf8')) as TemplateInfo;
    if (fs.existsSync(p.failed))
      throw new Error(
        `demo template on ${kind} failed in another file:\n${fs.readFileSync(p.failed, 'utf8')}`,
      );
    if (Date.now() > deadline) throw new Error(`demo template on ${kind}: not ready in time`);
    await sleep(250);
  }
}

/**
 * A database of `kind` holding the loaded demo organisation (slug `demo`), the test's own: a clone of the
 * run's template, never shared with another file or test.
 */
export async function demoDatabase(kind: Kind): Promise<{ dataDir: string; databaseUrl?: string }> {
  const info = await template(kind);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-demo-'));
  fs.cpSync(info.dataDir, dataDir, { recursive: true });
  if (kind === 'sqlite') return { dataDir };
  const name = `t_${Math.random().toString(36).slice(2, 12)}`;
  await withAdmin(async (c) => {
    // A session that just left the template may linger a moment ("is being accessed by other users").
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database ${name} template ${DEMO_TEMPLATE_DB}`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 40) throw err;
        await sleep(250);
      }
    }
  });
  return { dataDir, databaseUrl: postgresUrl()!.replace(/\/postgres$/, `/${name}`) };
}
