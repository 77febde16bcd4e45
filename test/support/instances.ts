import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort } from './postgres-cluster.ts';

// Real parts for the scale-out proof (issue #17): closeloop server processes, nginx from Debian in front of
// them, and an SMTP sink on loopback. Nothing here is a stand-in: each is the program a deployment runs.

export interface Instance {
  port: number;
  log: () => string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts `closeloop serve` as a process; resolves once it listens (its log says so). */
export async function startInstance(
  env: Record<string, string>,
  dataDir: string,
  port?: number,
): Promise<Instance> {
  port ??= await freePort();
  const child = spawn('node', ['bin/closeloop.js', 'serve', '--port', String(port), '--data-dir', dataDir], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      CLOSELOOP_PASSWORD_HASHING: 'fast-test-only',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let i = 0; i < 900 && !out.includes('closeloop is running'); i++) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!out.includes('closeloop is running')) {
    child.kill('SIGKILL');
    throw new Error(`instance on port ${port} did not start:\n${out.slice(-3000)}`);
  }
  return { port, child, exited, log: () => out };
}

export function nginxBinary(): string | null {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(p)) return p;
  return null;
}

export interface Balancer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** nginx on loopback balancing round-robin over the given ports, with a config this test writes. */
export async function startNginx(ports: number[], port?: number): Promise<Balancer> {
  const bin = nginxBinary();
  if (!bin) throw new Error('nginx not found: apt-get install nginx (.ci/run does)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-nginx-'));
  port ??= await freePort();
  const asRoot = process.getuid?.() === 0;
  const conf = `
${asRoot ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream closeloop {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=3s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 30m;
    location / {
      proxy_pass http://closeloop;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
    }
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  execFileSync(bin, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'pipe' });
  const child = spawn(bin, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    url: `http://localhost:${port}`,
    async stop() {
      child.kill('SIGQUIT');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Mail {
  to: string;
  subject: string;
}

/** An SMTP server on loopback that keeps every message it receives. */
export async function startSmtpSink(): Promise<{ port: number; mails: Mail[]; stop(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (d: Buffer) => {
        raw += d.toString('utf8');
      });
      stream.on('end', () => {
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
        for (const rcpt of session.envelope.rcptTo) mails.push({ to: rcpt.address, subject });
        done();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, mails, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A cookie-keeping HTTP client that speaks to the app as a browser of `origin` would. */
export class WebClient {
  cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly origin = base,
  ) {}
  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        origin: this.origin,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }
}
