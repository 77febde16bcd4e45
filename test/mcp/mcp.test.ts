import type { AddressInfo } from 'node:net';
import { Client as McpClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  Client,
  hasKind,
  kinds,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';

// Issue #20: an assistant reaches closeloop over MCP, through the API's use-cases, policy and tenancy,
// with the SDK's own client over both transports: `closeloop mcp` (stdio) and `POST /api/mcp` (HTTP).

const audit = {
  ref: 'S2-2026',
  type: 'stage2',
  certificationBody: 'Certa Assurance',
  reportReceivedOn: '2026-03-02',
  policyKey: 'fast-14-30-60',
};

async function findingIn(admin: Client, org: string) {
  expect((await admin.post(`/api/v1/orgs/${org}/audits`, audit)).statusCode).toBe(201);
  const f = await admin.post(`/api/v1/orgs/${org}/audits/S2-2026/findings`, {
    ref: 'NC-01',
    grade: 'minor',
    requirements: ['A.8.8'],
    statement: 'Technical vulnerabilities are not evaluated within a defined time.',
  });
  expect(f.statusCode).toBe(201);
  return f.json().id as string;
}

const tokenOf = async (c: Client, org: string, name: string) =>
  (await c.post(`/api/v1/orgs/${org}/api-tokens`, { name })).json().token as string;

type Result = { isError?: boolean; content: { type: string; text?: string }[] };
const body = (r: unknown) => JSON.parse((r as Result).content[0]!.text!);
const call = (c: McpClient, name: string, args: Record<string, unknown>) =>
  c.callTool({ name, arguments: args }) as Promise<Result>;

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`MCP server on ${kind}`, { timeout: 60_000 }, () => {
    let t: TestApp;
    let base: string;
    let acmeFinding: string;
    let betaFinding: string;
    const tokens: Record<string, string> = {};
    const env: Record<string, string> = {};

    beforeAll(async () => {
      t = await startTestApp(kind);
      const isa = await setupAdmin(t, 'acme', 'isa@acme.test');
      const tom = await addMember(t, isa, 'acme', 'tom@acme.test', 'action_owner');
      const vic = await addMember(t, isa, 'acme', 'vic@acme.test', 'viewer');
      expect((await isa.post('/api/v1/organisations', { name: 'Beta', slug: 'beta' })).statusCode).toBe(201);
      acmeFinding = await findingIn(isa, 'acme');
      betaFinding = await findingIn(isa, 'beta');
      tokens.tom = await tokenOf(tom, 'acme', 'Claude desktop');
      tokens.vic = await tokenOf(vic, 'acme', 'viewer assistant');
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      const cfg = t.rt.config;
      Object.assign(env, {
        CLOSELOOP_DATA_DIR: cfg.dataDir,
        ...(cfg.databaseUrl ? { DATABASE_URL: cfg.databaseUrl } : {}),
      });
    }, 120_000);
    afterAll(async () => t?.close());

    const transports: Record<string, (token: string) => Transport> = {
      http: (token) =>
        new StreamableHTTPClientTransport(new URL(`${base}/api/mcp`), {
          requestInit: { headers: { authorization: `Bearer ${token}` } },
        }),
      stdio: (token) =>
        new StdioClientTransport({
          command: process.execPath,
          args: ['bin/closeloop.js', 'mcp'],
          env: {
            ...(process.env as Record<string, string>),
            ...env,
            NODE_ENV: 'test',
            LOG_LEVEL: 'silent',
            CLOSELOOP_RATE_LIMIT: 'off',
            CLOSELOOP_TOKEN: token,
          },
          stderr: 'ignore',
        }),
    };

    for (const [name, transport] of Object.entries(transports)) {
      const connect = async (token: string) => {
        const c = new McpClient({ name: 'closeloop-test', version: '1' });
        await c.connect(transport(token));
        return c;
      };

      it(`${name}: initializes, lists tools, reads and writes with the token named in the trail`, async () => {
        const c = await connect(tokens.tom!);
        try {
          expect(c.getServerVersion()?.name).toBe('closeloop');
          const names = (await c.listTools()).tools.map((x) => x.name);
          expect(names).toEqual(
            expect.arrayContaining(['list_findings', 'read_finding', 'save_record', 'transition_finding']),
          );
          const list = body(await call(c, 'list_findings', {}));
          expect(list.items.map((f: { id: string }) => f.id)).toEqual([acmeFinding]);
          const moves = body(await call(c, 'list_transitions', { findingId: acmeFinding }));
          expect(moves.status).toBe('open');
          const saved = await call(c, 'save_record', {
            findingId: acmeFinding,
            expectedEffect: `Scans are triaged within 14 days (${name})`,
          });
          expect(saved.isError).toBeFalsy();
          const entry = await t.rt.database.db
            .selectFrom('audit_entry')
            .select(['actor_label', 'data_json'])
            .where('action', '=', 'corrective_action_record.update')
            .orderBy('seq', 'desc')
            .executeTakeFirstOrThrow();
          expect(entry.data_json).toContain(name);
          expect(entry.actor_label).toMatch(/^tom@acme\.test \(API token "Claude desktop", cl_/);
          const link = await call(c, 'record_evidence_link', {
            findingId: acmeFinding,
            url: 'https://tickets.example/SEC-1',
            title: `Patch ticket ${name}`,
          });
          expect(link.isError).toBeFalsy();
          const detail = body(await call(c, 'read_finding', { findingId: acmeFinding }));
          expect(JSON.stringify(detail.evidence)).toContain(`Patch ticket ${name}`);
          expect((await call(c, 'read_plan_forecast', {})).isError).toBeFalsy();
          const cap = await c.readResource({ uri: 'closeloop://audits/S2-2026/cap' });
          expect(JSON.stringify(cap.contents[0])).toContain('NC-01');
        } finally {
          await c.close();
        }
      });

      it(`${name}: refuses a transition the role does not have, another organisation's finding and a role without permission`, async () => {
        const c = await connect(tokens.tom!);
        const v = await connect(tokens.vic!);
        try {
          const refused = await call(c, 'transition_finding', { findingId: acmeFinding, action: 'close' });
          expect(refused.isError).toBe(true);
          expect(['forbidden', 'invalid_state']).toContain(body(refused).error.code);
          expect(body(await call(c, 'list_transitions', { findingId: acmeFinding })).status).toBe('open');
          const other = await call(c, 'read_finding', { findingId: betaFinding });
          expect(body(other).error.code).toBe('not_found');
          const viewer = await call(v, 'save_record', { findingId: acmeFinding, expectedEffect: 'x' });
          expect(body(viewer).error.code).toBe('forbidden');
          const bad = await call(c, 'read_finding', { findingId: 42 });
          expect(bad.isError).toBe(true);
        } finally {
          await c.close();
          await v.close();
        }
      });
    }

    it('POST /api/mcp refuses a session, an unknown token, and answers 4xx to a malformed message', async () => {
      const init = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
      const accept = { accept: 'application/json, text/event-stream' };
      const noToken = await fetch(`${base}/api/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...accept },
        body: JSON.stringify(init),
      });
      expect(noToken.status).toBe(401);
      const unknown = await fetch(`${base}/api/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer cl_nope', ...accept },
        body: JSON.stringify(init),
      });
      expect(unknown.status).toBe(401);
      const junk = await fetch(`${base}/api/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.tom}`, ...accept },
        body: JSON.stringify({ hello: 1 }),
      });
      expect(junk.status).toBe(400);
    });

    it('names the token in the audit trail for API calls too, not only the person', async () => {
      const api = new Client(t.app, tokens.tom);
      const res = await api.post(`/api/v1/orgs/acme/findings/${acmeFinding}/comments`, {
        body: 'via the API',
      });
      expect(res.statusCode).toBe(201);
      const entry = await t.rt.database.db
        .selectFrom('audit_entry')
        .select('actor_label')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry.actor_label).toMatch(/^tom@acme\.test \(API token "Claude desktop", cl_\w+\)$/);
    });
  });
}
