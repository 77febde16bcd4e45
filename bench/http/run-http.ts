import { buildServer } from '../../scripts/build-server.ts';
import { startCluster } from '../../test/support/postgres-cluster.ts';
import {
  type Dataset,
  type DatasetFigures,
  measureDataset,
  printDataset,
  printWriteScaling,
} from './section.ts';
import { seedDemo, seedLarge, seedMany } from './seed.ts';

// Section (g): HTTP figures of the demo, one organisation with 10,000 findings over 50 audits (a page of 25
// and of 100), one with 100,000 findings over 200 audits, and 1,000 organisations of 100 findings, on SQLite and on PostgreSQL (a throw-away cluster, as the tests
// start). BENCH_HTTP_SECONDS (default 5) per endpoint; BENCH_HTTP_SCALE (default 1) shrinks the large
// datasets for a quick look (0.1 = 1,000 / 10,000 findings, 100 organisations); BENCH_HTTP_ONLY picks an
// engine or a dataset by its first word. Last, each engine's write latency against the demo's.
const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export async function runHttpSection() {
  const seconds = env('BENCH_HTTP_SECONDS', 5);
  const scale = env('BENCH_HTTP_SCALE', 1);
  const findings = Math.round(100_000 * scale);
  const orgs = Math.max(2, Math.round(1000 * scale));
  const mid = Math.round(10_000 * scale);
  const datasets: Dataset[] = [
    { name: 'demo', seed: async (dir, url) => ({ ...(await seedDemo(dir, url)), slugs: ['demo'] }) },
    {
      // The shape the issue measured at 1.2 s for one page of 100 findings.
      name: `${mid.toLocaleString('en')} findings / 50 audits`,
      seed: (dir, url) => seedLarge(dir, { audits: 50, findings: mid }, url),
      pageSizes: [25, 100],
    },
    {
      name: `${findings.toLocaleString('en')} findings / 200 audits`,
      seed: (dir, url) => seedLarge(dir, { audits: 200, findings }, url),
    },
    {
      name: `${orgs.toLocaleString('en')} organisations × 100 findings`,
      seed: (dir, url) => seedMany(dir, { orgs, findings: 100 }, url),
    },
  ];
  const only = process.env.BENCH_HTTP_ONLY; // e.g. "demo" or "sqlite"
  console.log(`\n(g) HTTP: 50 connections, ${seconds} s per endpoint, against a bare Fastify hello-world`);
  // The server runs as `npm start` runs it: from the bundle of the tree as it is (decision 0022).
  const bundled = await buildServer();
  console.log(`  server bundle built from ${bundled.length} files`);
  for (const engine of ['sqlite', 'postgres'] as const) {
    if (only && (only === 'sqlite' || only === 'postgres') && only !== engine) continue;
    const cluster = engine === 'postgres' ? await startCluster() : null;
    if (engine === 'postgres' && !cluster) {
      console.log('  PostgreSQL: no initdb/pg_ctl on this machine, skipped');
      continue;
    }
    const figures: DatasetFigures[] = [];
    try {
      let n = 0;
      for (const d of datasets) {
        if (only && only !== 'sqlite' && only !== 'postgres' && !d.name.startsWith(only)) continue;
        let databaseUrl: string | undefined;
        if (cluster) {
          // A database of its own for each dataset, in the one cluster.
          const { default: pg } = await import('pg');
          const c = new pg.Client({ connectionString: cluster.url });
          await c.connect();
          const name = `bench_${n++}`;
          await c.query(`create database ${name}`);
          await c.end();
          databaseUrl = cluster.url.replace(/\/postgres$/, `/${name}`);
        }
        const measured = await measureDataset(d, { engine, databaseUrl, seconds });
        printDataset(measured);
        figures.push(measured);
      }
      printWriteScaling(figures);
    } finally {
      cluster?.stop();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runHttpSection();
