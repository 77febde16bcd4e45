import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/support/postgres-cluster.ts';
import { drive, type LoadResult } from './drive.ts';
import { rssMiB, sampleRss, signIn, startCloseloop, startHello } from './processes.ts';

// Section (g) of `npm run bench`: closeloop's API as a user loads it, against a bare Fastify
// hello-world started in the same minute (issue #16). Every figure is req/s with its ratio to the floor,
// and p50/p99 latency in ms.

export interface Dataset {
  name: string;
  /** Seeds a fresh data folder (and database, when `databaseUrl` is set); returns who signs in where. */
  seed(dataDir: string, databaseUrl?: string): Promise<{ slugs: string[]; email: string; password: string }>;
  /** Findings list page sizes to drive (25 when not given); the 10,000-finding row adds 100. */
  pageSizes?: number[];
}

export interface EndpointFigure extends LoadResult {
  endpoint: string;
  ratio: number;
}

export interface DatasetFigures {
  dataset: string;
  engine: string;
  floorRps: number;
  coldStartMs: number;
  idleRssMiB: number;
  peakRssMiB: number;
  seedSeconds: number;
  endpoints: EndpointFigure[];
  writeMs: number;
}

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

export async function measureDataset(
  dataset: Dataset,
  opts: { engine: 'sqlite' | 'postgres'; databaseUrl?: string; seconds: number },
): Promise<DatasetFigures> {
  const dataDir = fs.mkdtempSync(
    path.join(os.tmpdir(), `closeloop-bench-${dataset.name.replace(/[^a-z0-9]+/gi, '-')}-`),
  );
  try {
    const t0 = performance.now();
    const who = await dataset.seed(dataDir, opts.databaseUrl);
    const seedSeconds = (performance.now() - t0) / 1000;

    const hello = await startHello(await freePort());
    let floorRps: number;
    try {
      floorRps = (await drive(`${hello.url}/`, { seconds: opts.seconds })).rps;
    } finally {
      await hello.stop();
    }

    const server = await startCloseloop({ port: await freePort(), dataDir, databaseUrl: opts.databaseUrl });
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const idleRssMiB = rssMiB(server.pid);
      const rss = sampleRss(server.pid);
      const cookie = await signIn(server.url, who.email, who.password);
      const headers = { cookie, origin: server.url };
      // The middle organisation: with many organisations, neither the first nor the last row.
      const slug = who.slugs[Math.floor(who.slugs.length / 2)]!;
      const api = `${server.url}/api/v1/orgs/${slug}`;
      const list = (await (await fetch(`${api}/findings?pageSize=25`, { headers })).json()) as {
        items: { id: string }[];
      };
      const findingId = list.items[0]?.id;
      if (!findingId) throw new Error(`no findings listed for ${slug}`);

      const endpoints: [string, string][] = [
        ['GET /api/health', `${server.url}/api/health`],
        ...(dataset.pageSizes ?? [25]).map((n): [string, string] => [
          `findings list (page of ${n})`,
          `${api}/findings?pageSize=${n}`,
        ]),
        ['finding detail', `${api}/findings/${findingId}`],
        ['audits list', `${api}/audits`],
        ['dashboard', `${api}/posture/dashboard`],
      ];
      // A slow endpoint leaves requests queued when the load stops; the next figure must not pay for them.
      const settle = () => settled(server.url);
      const figures: EndpointFigure[] = [];
      for (const [endpoint, url] of endpoints) {
        await settle();
        const r = await drive(url, { seconds: opts.seconds, headers });
        figures.push({ endpoint, ...r, ratio: r.rps / floorRps });
      }
      // A write's latency: one client writing one comment after another, so each figure is the request's
      // own time, not queueing behind others (the first write also waits out what the last load queued).
      const commentUrl = `${api}/findings/${findingId}/comments`;
      const comment = async (body: string) => {
        const t0 = performance.now();
        const res = await fetch(commentUrl, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ body }),
        });
        await res.arrayBuffer();
        if (res.status !== 201) throw new Error(`comment write answered ${res.status}`);
        return performance.now() - t0;
      };
      await settle();
      await comment('Bench comment: warm-up.');
      const times: number[] = [];
      const until = performance.now() + Math.max(2, Math.round(opts.seconds / 2)) * 1000;
      while (performance.now() < until && times.length < 500)
        times.push(await comment('Bench comment: evidence reviewed.'));
      const writeMs = times.reduce((x, y) => x + y, 0) / times.length;
      return {
        dataset: dataset.name,
        engine: opts.engine,
        floorRps,
        coldStartMs: server.coldStartMs,
        idleRssMiB,
        peakRssMiB: rss.stop(),
        seedSeconds,
        endpoints: figures,
        writeMs,
      };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A write's latency in each organisation against the demo's, per engine (the goal: at most 2×). */
export function printWriteScaling(all: DatasetFigures[]) {
  const demo = all.find((d) => d.dataset === 'demo');
  if (!demo || all.length < 2) return;
  const parts = all.map(
    (d) => `${d.dataset} ${f(d.writeMs, 1)} ms${d === demo ? '' : ` (${f(d.writeMs / demo.writeMs, 2)}×)`}`,
  );
  console.log(`  write latency vs organisation size on ${demo.engine}: ${parts.join('; ')}`);
}

export function printDataset(d: DatasetFigures) {
  console.log(
    `  ${d.dataset} on ${d.engine}: seeded in ${f(d.seedSeconds)} s; hello-world floor ${f(d.floorRps, 0)} req/s; ` +
      `cold start ${f(d.coldStartMs, 0)} ms; RSS idle ${f(d.idleRssMiB, 0)} MiB, peak ${f(d.peakRssMiB, 0)} MiB`,
  );
  for (const e of d.endpoints) {
    const bad = e.errors + e.non2xx > 0 ? `  (${e.errors} errors, ${e.non2xx} non-2xx)` : '';
    console.log(
      `    ${e.endpoint.padEnd(28)} ${f(e.rps, 0).padStart(6)} req/s = ${f(e.ratio * 100).padStart(5)} % of floor; ` +
        `p50 ${f(e.p50, 0)} ms, p99 ${f(e.p99, 0)} ms${bad}`,
    );
  }
  console.log(`    comment on a finding (1 client)   ${f(d.writeMs, 1)} ms per write`);
}

/** Waits until the server answers `/api/health` within 20 ms twice in a row (its queue drained), 60 s at most. */
async function settled(url: string) {
  const until = performance.now() + 60_000;
  let quick = 0;
  while (quick < 2 && performance.now() < until) {
    const t0 = performance.now();
    // A refused or reset connection is not settled either; the figures that follow show what failed.
    const ok = await fetch(`${url}/api/health`).then(
      async (r) => {
        await r.arrayBuffer();
        return r.ok;
      },
      () => false,
    );
    quick = ok && performance.now() - t0 < 20 ? quick + 1 : 0;
    if (quick < 2) await new Promise((r) => setTimeout(r, 100));
  }
}
