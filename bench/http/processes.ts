import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');

export interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 60_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > timeoutMs) throw new Error(`${what} did not answer ${url} in time`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
}

export async function startHello(port: number): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repo, 'bench/http/hello.ts'), String(port)],
    {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, child, 'hello-world');
  return { url, pid: child.pid!, stop: stopper(child) };
}

export interface CloseloopServer extends Server {
  /** Milliseconds from spawn to the first 200 from /api/health. */
  coldStartMs: number;
}

/** Starts `closeloop serve` as a user runs it (bin/closeloop.js), on a seeded data folder or database. */
export async function startCloseloop(opts: {
  port: number;
  dataDir: string;
  databaseUrl?: string;
}): Promise<CloseloopServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PUBLIC_URL: `http://127.0.0.1:${opts.port}`,
    LOG_LEVEL: 'warn',
    // The bench measures throughput, not the rate limiter: every request comes from one address.
    CLOSELOOP_RATE_LIMIT: 'off',
    NODE_ENV: 'production',
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [path.join(repo, 'bin/closeloop.js'), 'serve', '--port', String(opts.port), '--data-dir', opts.dataDir],
    { cwd: repo, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${opts.port}`;
  const coldStartMs = await waitFor(`${url}/api/health`, child, 'closeloop');
  return { url, pid: child.pid!, coldStartMs, stop: stopper(child) };
}

/** Resident set size of a process in MiB (Linux /proc), or NaN where unavailable. */
export function rssMiB(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS every 200 ms until stopped; returns the peak. */
export function sampleRss(pid: number): { stop(): number } {
  let peak = rssMiB(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMiB(pid));
    },
  };
}

/** Signs in through better-auth as a browser would and returns the session cookie. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  return cookies.join('; ');
}
