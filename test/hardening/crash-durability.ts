import { type ChildProcess, spawn } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { hasKind, type Kind, ORIGIN, startTestApp } from '../support/harness.ts';
import { freePort } from '../support/postgres-cluster.ts';
import { acmeWithFinding } from './fixture.ts';

// Issue #18, crash durability: a real `closeloop serve` process takes acknowledged writes (comments,
// finding updates, evidence uploads) and is killed with SIGKILL at random moments, KILLS times per engine,
// restarted each time. Afterwards every write that got a 2xx is there, and the audit chain verifies.
// Replay the kill moments with CLOSELOOP_CRASH_SEED=<seed printed below>.
const KILLS = Number(process.env.CLOSELOOP_CRASH_KILLS ?? 10);
const SEED = Number(process.env.CLOSELOOP_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SECRET = 'test-secret-test-secret-test-secret!!';

interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<unknown>;
}

async function serve(dataDir: string, databaseUrl: string | undefined): Promise<Server> {
  const port = await freePort();
  const child = spawn('node', ['bin/closeloop.js', 'serve', '--port', String(port), '--data-dir', dataDir], {
    env: {
      ...process.env,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      LOG_LEVEL: 'warn',
      PUBLIC_URL: ORIGIN,
      CLOSELOOP_SECRET: SECRET,
      CLOSELOOP_RATE_LIMIT: 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { child, base, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('serve did not start within 60 s');
}

interface Ledger {
  comments: Set<string>;
  evidence: Map<string, string>;
  /** Statements in the order they were sent; `acked` is the index of the last one answered 2xx. */
  statements: string[];
  acked: number;
  /** Every 2xx so far, of any kind. */
  acks: number;
}

/** Two writers until `stop` resolves: comments and uploads on one, finding updates on the other. */
async function writeUntil(
  s: Server,
  headers: Record<string, string>,
  base: string,
  ledger: Ledger,
  tag: string,
  stop: Promise<unknown>,
) {
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  const json = { ...headers, 'content-type': 'application/json' };
  const a = (async () => {
    for (let i = 0; !stopped; i++) {
      const marker = `${tag}-${i}`;
      try {
        if (i % 3 === 2) {
          const form = new FormData();
          form.append('file', new Blob([`%PDF-1.4\n% ${marker}\n%%EOF\n`]), `${marker}.pdf`);
          const r = await fetch(`${s.base}${base}/evidence`, { method: 'POST', headers, body: form });
          if (r.status === 201) {
            ledger.evidence.set(((await r.json()) as { id: string }).id, marker);
            ledger.acks++;
          }
        } else {
          const r = await fetch(`${s.base}${base}/comments`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ body: `comment ${marker}` }),
          });
          if (r.status === 201) {
            ledger.comments.add(`comment ${marker}`);
            ledger.acks++;
          }
        }
      } catch {
        // The process died mid-request: not acknowledged, so not owed.
      }
    }
  })();
  const b = (async () => {
    for (let i = 0; !stopped; i++) {
      const statement = `Statement ${tag}-${i}: vulnerabilities are not evaluated in time.`;
      ledger.statements.push(statement);
      try {
        const r = await fetch(`${s.base}${base}`, {
          method: 'PATCH',
          headers: json,
          body: JSON.stringify({ statement }),
        });
        if (r.status === 200) {
          ledger.acked = ledger.statements.length - 1;
          ledger.acks++;
        }
      } catch {}
    }
  })();
  await Promise.all([a, b]);
}

/**
 * One engine's crash loop. Each engine has its own test file so that Vitest runs the two loops on
 * separate workers: together they are the suite's longest path.
 */
export function crashDurability(kind: Kind) {
  describe.runIf(hasKind(kind))(`crash durability on ${kind} (issue #18)`, () => {
    // Long by design: KILLS restarts of a server process (each ~1-3 s to start), bounded by a deadline.
    it(`loses no acknowledged write across ${KILLS} SIGKILLs, and the audit chain verifies`, {
      timeout: 240_000,
    }, async () => {
      const t = await startTestApp(kind);
      const { admin, findingId } = await acmeWithFinding(t);
      const { dataDir, databaseUrl } = t.rt.config;
      await t.close();
      const headers = { origin: ORIGIN, cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
      const base = `/api/v1/orgs/acme/findings/${findingId}`;
      const ledger: Ledger = { comments: new Set(), evidence: new Map(), statements: [], acked: -1, acks: 0 };
      const delays = fc.sample(fc.integer({ min: 0, max: 600 }), { seed: SEED, numRuns: KILLS });
      const deadline = Date.now() + 200_000;
      let kills = 0;
      for (const delay of delays) {
        if (Date.now() > deadline) break;
        const s = await serve(dataDir, databaseUrl);
        // The kill lands a random moment after the first write of this round is acknowledged, so that every
        // round has writes owed and one or two in flight, however slow the machine is.
        const acksBefore = ledger.acks;
        const killAt = (async () => {
          for (let i = 0; i < 3000 && ledger.acks === acksBefore; i++)
            await new Promise((r) => setTimeout(r, 10));
          await new Promise((r) => setTimeout(r, delay));
        })();
        const writing = writeUntil(s, headers, base, ledger, `k${kills}`, killAt);
        await killAt;
        s.child.kill('SIGKILL');
        await s.exited;
        await writing;
        kills++;
      }
      console.log(
        `crash ${kind}: seed ${SEED}, ${kills} kills, ${ledger.comments.size} comments, ${ledger.evidence.size} uploads, ${ledger.acked + 1} updates acknowledged`,
      );
      expect(kills).toBe(KILLS);
      expect(ledger.acks).toBeGreaterThanOrEqual(KILLS);

      const s = await serve(dataDir, databaseUrl);
      try {
        const detail = (await (await fetch(`${s.base}${base}`, { headers })).json()) as {
          statement: string;
          evidence: { id: string }[];
          timeline: { kind: string; body: string | null }[];
        };
        const stored = new Set(detail.timeline.filter((e) => e.kind === 'comment').map((e) => e.body));
        expect(
          [...ledger.comments].filter((c) => !stored.has(c)),
          `seed ${SEED}`,
        ).toEqual([]);
        const ids = new Set(detail.evidence.map((e) => e.id));
        expect(
          [...ledger.evidence.keys()].filter((id) => !ids.has(id)),
          `seed ${SEED}`,
        ).toEqual([]);
        for (const [id, marker] of ledger.evidence) {
          const file = await fetch(`${s.base}${base}/evidence/${id}`, { headers });
          expect(file.status).toBe(200);
          expect(await file.text()).toContain(marker);
        }
        // The last acknowledged update, or one sent after it whose answer the kill swallowed.
        if (ledger.acked >= 0) expect(ledger.statements.slice(ledger.acked)).toContain(detail.statement);
      } finally {
        s.child.kill('SIGTERM');
        await s.exited;
      }
      const env = { CLOSELOOP_DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
      const verify = await cli(['audit-log', 'verify', '--org', 'acme'], env);
      expect(verify.stderr).toBe('');
      expect(verify.stdout).toMatch(/^ok \d+ entries/);
      expect(verify.code).toBe(0);
    });
  });
}
