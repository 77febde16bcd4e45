import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_POLICY_KEY } from '../src/domain/deadlines/policy.ts';
import { freePort, startCluster } from '../test/support/postgres-cluster.ts';
import { rssMiB, signIn, startCloseloop } from './http/processes.ts';
import { BENCH_EMAIL, seedLarge } from './http/seed.ts';

// Section (i) of `npm run bench` (issue #16, "imports stream"): a nonconformity report of
// BENCH_IMPORT_ROWS rows (default 10,000) imported through the real server (`closeloop serve`), as CSV
// and as XLSX, on SQLite and on PostgreSQL (a throw-away cluster, as the tests start). Each file is
// first previewed (dryRun) and then imported into an audit of its own; printed: seconds per request and
// the server's peak RSS growth over its RSS just before the request (sampled every 20 ms from /proc).
// Goal: ≤ 10 s and ≤ 200 MB each. BENCH_IMPORT=off skips the section; BENCH_IMPORT_ONLY=sqlite|postgres
// runs one engine. Run alone: `npx tsx bench/imports.ts`.

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

const grades = ['Major NC', 'minor', 'Minor', 'OFI', 'observation'];
const controls = Array.from({ length: 34 }, (_, i) => `A.8.${i + 1}`);

/** The rows of a report as a CB sends it: a title row, its own headers, an owner on every third row. */
export function reportRows(rows: number, owner: string): string[][] {
  const out: string[][] = [
    ['Bench Certification Ltd – stage 2 audit report', '', '', '', '', ''],
    ['NC No.', 'Category', 'Clause', 'Finding', 'Objective evidence', 'Owner email'],
  ];
  for (let i = 1; i <= rows; i++)
    out.push([
      `NC-${String(i).padStart(5, '0')}`,
      grades[i % grades.length]!,
      `${controls[i % controls.length]}; 9.2`,
      `Finding ${i}: the documented procedure for the control is not followed in area ${i % 40}, and no exception is recorded.`,
      `Sample ${i} of 25 records reviewed on 10 February; the log shows the gap, "as seen" by the auditor.`,
      i % 3 === 0 ? owner : '',
    ]);
  return out;
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
export const reportCsv = (rows: string[][]) =>
  Buffer.from(`${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`);

export async function reportXlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nonconformities');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CPU seconds (user + system) a process has used, from /proc (NaN where unavailable). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Figure {
  what: string;
  status: number;
  seconds: number;
  /** The server's CPU seconds for the request: on a loaded machine, wall time also counts waiting for a core. */
  cpu: number;
  rssGrowthMiB: number;
  detail: string;
}

async function post(
  server: { url: string; pid: number },
  headers: Record<string, string>,
  url: string,
  file: { name: string; bytes: Buffer },
  dryRun: boolean,
  what: string,
): Promise<Figure> {
  // Let the previous request's garbage settle, then measure from the RSS just before this one.
  await new Promise((r) => setTimeout(r, 1500));
  const before = rssMiB(server.pid);
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB(server.pid));
  }, 20);
  const form = new FormData();
  form.append('dryRun', String(dryRun));
  form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const encoded = new Response(form);
  const payload = Buffer.from(await encoded.arrayBuffer());
  const contentType = encoded.headers.get('content-type')!;
  const t0 = performance.now();
  const cpu0 = cpuSeconds(server.pid);
  // node:http rather than fetch: no client timeout cuts a slow import short (the code before #16 took minutes).
  const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': contentType, 'content-length': payload.length },
      },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () =>
          resolve({ status: r.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        r.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
  const body = JSON.parse(res.text) as {
    imported?: number;
    rows?: number;
    findings?: unknown[];
    errors?: unknown[];
    detail?: string;
  };
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(server.pid) - cpu0;
  clearInterval(timer);
  peak = Math.max(peak, rssMiB(server.pid));
  const detail =
    res.status === 200
      ? dryRun
        ? `${body.rows ?? body.findings?.length} rows read, ${body.errors?.length} problems`
        : `${body.imported} imported`
      : `${body.detail ?? ''}`;
  return { what, status: res.status, seconds, cpu, rssGrowthMiB: peak - before, detail };
}

export async function runImportSection() {
  const rows = Math.round(env('BENCH_IMPORT_ROWS', 10_000));
  const only = process.env.BENCH_IMPORT_ONLY;
  console.log(
    `\n(i) findings import: ${rows.toLocaleString('en')} rows through closeloop serve (goal ≤ 10 s, RSS growth ≤ 200 MB)`,
  );
  const table = reportRows(rows, BENCH_EMAIL);
  const files = [
    { name: 'report.csv', bytes: reportCsv(table) },
    { name: 'report.xlsx', bytes: await reportXlsx(table) },
  ];
  console.log(
    `  files: ${files.map((x) => `${x.name} ${f(x.bytes.length / 1024 / 1024, 2)} MB`).join(', ')}`,
  );
  for (const engine of ['sqlite', 'postgres'] as const) {
    if (only && only !== engine) continue;
    const cluster = engine === 'postgres' ? await startCluster() : null;
    if (engine === 'postgres' && !cluster) {
      console.log('  PostgreSQL: no initdb/pg_ctl on this machine, skipped');
      continue;
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-bench-import-'));
    try {
      let databaseUrl: string | undefined;
      if (cluster) {
        const { default: pg } = await import('pg');
        const c = new pg.Client({ connectionString: cluster.url });
        await c.connect();
        await c.query('create database bench_import');
        await c.end();
        databaseUrl = cluster.url.replace(/\/postgres$/, '/bench_import');
      }
      const who = await seedLarge(dataDir, { audits: 1, findings: 100 }, databaseUrl);
      const server = await startCloseloop({ port: await freePort(), dataDir, databaseUrl });
      try {
        const cookie = await signIn(server.url, who.email, who.password);
        const headers = { cookie, origin: server.url };
        const api = `${server.url}/api/v1/orgs/${who.slugs[0]}`;
        const idle = rssMiB(server.pid);
        const figures: Figure[] = [];
        for (const file of files) {
          const ref = `IMP-${path.extname(file.name).slice(1).toUpperCase()}`;
          const created = await fetch(`${api}/audits`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({
              ref,
              type: 'stage2',
              certificationBody: 'Bench Certification Ltd',
              reportReceivedOn: '2026-03-02',
              policyKey: DEFAULT_POLICY_KEY,
            }),
          });
          if (created.status !== 201)
            throw new Error(`audit ${ref}: ${created.status} ${await created.text()}`);
          const url = `${api}/audits/${ref}/import`;
          figures.push(await post(server, headers, url, file, true, `${file.name} preview`));
          figures.push(await post(server, headers, url, file, false, `${file.name} import`));
        }
        console.log(
          `  ${engine}: server RSS idle ${f(idle, 0)} MiB; load average ${os.loadavg()[0]!.toFixed(1)}`,
        );
        for (const x of figures)
          console.log(
            `    ${x.what.padEnd(20)} ${x.status} in ${f(x.seconds, 2).padStart(6)} s (server CPU ${f(x.cpu, 2)} s); peak RSS growth ${f(x.rssGrowthMiB, 0).padStart(4)} MiB  (${x.detail})`,
          );
      } finally {
        await server.stop();
      }
    } finally {
      cluster?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runImportSection();
