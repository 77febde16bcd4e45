import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Instance, nginxBinary, startInstance, startNginx } from '../../test/support/instances.ts';
import { freePort, startCluster } from '../../test/support/postgres-cluster.ts';
import { drive, type LoadResult } from './drive.ts';
import { signIn } from './processes.ts';
import { seedLarge } from './seed.ts';

// Section (i) of `npm run bench` (issue #17): req/s of the findings list through nginx with one and with
// three closeloop instances on one PostgreSQL, with the processes' CPU shares while each load runs, so
// the ratio says whether the app tier scales on this machine and what holds it back. The instances, nginx
// and its config are the scale-out proof's (test/support/instances.ts); the data is one organisation of
// 2,000 findings over 20 audits. BENCH_HTTP_SECONDS (default 5) per figure.

const seconds = (() => {
  const v = Number(process.env.BENCH_HTTP_SECONDS);
  return Number.isFinite(v) && v > 0 ? v : 5;
})();
const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU ticks (user + system) used so far by the processes whose command name matches `comm`. */
function ticksOf(match: (comm: string, pid: number) => boolean): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      if (!match(comm, Number(entry))) continue;
      const fields = stat.slice(close + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15 of stat)
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** Busy CPU ticks of the whole machine so far (every process, ours and anyone else's): /proc/stat. */
function machineBusyTicks(): number {
  const fields = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1, 9) // user nice system idle iowait irq softirq steal (guest time is already in user)
    .map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return fields.reduce((a, b) => a + b, 0) - idle;
}

interface Measured extends LoadResult {
  /** Share of one core each group used during the load (1.0 = a whole core); `machine`: every process. */
  cores: { closeloop: number; postgres: number; nginx: number; load: number; machine: number };
}

async function measure(url: string, headers: Record<string, string>, instances: Instance[]) {
  const pids = new Set(instances.map((i) => i.child.pid!));
  const groups = {
    closeloop: (_: string, pid: number) => pids.has(pid),
    postgres: (comm: string) => comm === 'postgres',
    nginx: (comm: string) => comm === 'nginx',
  };
  const before = Object.fromEntries(Object.entries(groups).map(([k, m]) => [k, ticksOf(m)]));
  const machine0 = machineBusyTicks();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await drive(url, { seconds, headers });
  const wall = (performance.now() - t0) / 1000;
  const used = (k: keyof typeof groups) => (ticksOf(groups[k]) - before[k]!) / TICKS_PER_SECOND / wall;
  const self = process.cpuUsage(cpu0);
  return {
    ...r,
    cores: {
      closeloop: used('closeloop'),
      postgres: used('postgres'),
      nginx: used('nginx'),
      load: (self.user + self.system) / 1e6 / wall,
      machine: (machineBusyTicks() - machine0) / TICKS_PER_SECOND / wall,
    },
  } satisfies Measured;
}

const line = (label: string, m: Measured) =>
  `  ${label.padEnd(34)} ${f(m.rps, 0).padStart(5)} req/s; p50 ${f(m.p50, 0)} ms, p99 ${f(m.p99, 0)} ms; ` +
  `CPU (cores) closeloop ${f(m.cores.closeloop, 2)}, PostgreSQL ${f(m.cores.postgres, 2)}, ` +
  `nginx ${f(m.cores.nginx, 2)}, load generator ${f(m.cores.load, 2)}; whole machine ${f(m.cores.machine, 2)}` +
  (m.errors + m.non2xx > 0 ? `  (${m.errors} errors, ${m.non2xx} non-2xx)` : '');

export async function runScaleOutSection() {
  console.log(
    `\n(i) scale-out: findings list (page of 25 of 2,000) through nginx, 1 and 3 instances on one PostgreSQL, ${seconds} s each`,
  );
  if (!nginxBinary()) return console.log('  nginx not installed (apt-get install nginx): skipped');
  const cluster = await startCluster();
  if (!cluster) return console.log('  PostgreSQL: no initdb/pg_ctl on this machine, skipped');
  const dirs = [0, 1, 2].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-bench-scale-')));
  const instances: Instance[] = [];
  try {
    const c = new pg.Client({ connectionString: cluster.url });
    await c.connect();
    await c.query('create database bench_scale');
    await c.end();
    const databaseUrl = cluster.url.replace(/\/postgres$/, '/bench_scale');
    const who = await seedLarge(dirs[0]!, { audits: 20, findings: 2000 }, databaseUrl);
    const lbPort = await freePort();
    const env = {
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: `http://localhost:${lbPort}`,
      CLOSELOOP_SECRET: 'bench-scale-out-secret-bench-scale-out-secret',
      CLOSELOOP_TRUST_PROXY: '127.0.0.1/32',
      // Throughput, not the rate limiter: every request comes from one address. Production mode and real
      // password hashing, as a deployment runs; at info a 2xx answer logs nothing (src/http/app.ts), and the
      // instance helper waits for the 'running' line.
      CLOSELOOP_RATE_LIMIT: 'off',
      NODE_ENV: 'production',
      CLOSELOOP_PASSWORD_HASHING: 'standard',
      LOG_LEVEL: 'info',
    };
    const run = async (count: number) => {
      while (instances.length < count) instances.push(await startInstance(env, dirs[instances.length]!));
      const lb = await startNginx(
        instances.map((i) => i.port),
        lbPort,
      );
      try {
        const cookie = await signIn(lb.url, who.email, who.password);
        const headers = { cookie, origin: lb.url };
        const url = `${lb.url}/api/v1/orgs/${who.slugs[0]}/findings?pageSize=25`;
        const probe = await fetch(url, { headers });
        if (probe.status !== 200) throw new Error(`findings list answered ${probe.status}`);
        await probe.arrayBuffer();
        await drive(url, { seconds: 1, headers }); // warm-up: connections, JIT, PostgreSQL's caches
        return await measure(url, headers, instances);
      } finally {
        await lb.stop();
      }
    };
    const one = await run(1);
    console.log(line('1 instance through nginx', one));
    const three = await run(3);
    console.log(line('3 instances through nginx', three));
    console.log(
      `  ratio 3 : 1 = ${f(three.rps / one.rps, 2)} (on ${os.cpus().length} cores; bench/README.md (i) says what limits it)`,
    );
    return { one, three };
  } finally {
    for (const i of instances) {
      i.child.kill('SIGTERM');
      await i.exited;
    }
    cluster.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runScaleOutSection();
