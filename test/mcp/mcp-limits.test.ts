import { Client as McpClient } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpServer, tokenContext } from '../../src/modules/mcp/index.ts';
import { openContentStore } from '../../src/storage/open.ts';
import { addMember, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

// Issue #20: the MCP server's own limits, in process over the SDK's linked transports (the HTTP and
// stdio transports are driven in mcp.test.ts). Tool calls are counted per token in the database, so the
// limit holds across the one-server-per-request of POST /api/mcp; invalid arguments answer closeloop's
// `validation_failed` with field paths instead of the SDK's bare JSON-RPC -32602 text.
type Result = { isError?: boolean; content: { type: string; text?: string }[] };
const PER_MINUTE = 3;

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`MCP limits on ${kind}`, { timeout: 60_000 }, () => {
    let t: TestApp;
    const secrets: Record<string, string> = {};

    beforeAll(async () => {
      t = await startTestApp(kind);
      const admin = await setupAdmin(t);
      const tom = await addMember(t, admin, 'acme', 'tom@acme.test', 'action_owner');
      for (const name of ['first', 'limited', 'other'])
        secrets[name] = (await tom.post('/api/v1/orgs/acme/api-tokens', { name })).json().token as string;
    }, 60_000);
    afterAll(async () => t?.close());

    /** A fresh server for this token, as POST /api/mcp builds one per request. */
    async function connect(secret: string) {
      // One fixed minute: the count never straddles two windows, whatever the wall clock does.
      const deps = { ...t.rt.database, env: t.rt.env, now: () => new Date('2026-12-02T10:00:30Z') };
      const ctx = await tokenContext(secret, deps);
      const server = createMcpServer(ctx, {
        version: 'test',
        callsPerMinute: PER_MINUTE,
        store: openContentStore(t.rt.database, t.rt.config.dataDir),
        maxBytes: 1_000_000,
      });
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      await server.connect(serverSide);
      const client = new McpClient({ name: 'closeloop-test', version: '1' });
      await client.connect(clientSide);
      return {
        call: (name: string, args: Record<string, unknown>) =>
          client.callTool({ name, arguments: args }) as Promise<Result>,
        close: async () => {
          await client.close();
          await server.close();
        },
      };
    }
    const errorOf = (r: Result) => JSON.parse(r.content[0]!.text!).error;

    it('invalid tool arguments answer validation_failed with the field paths', async () => {
      const c = await connect(secrets.first!);
      try {
        const bad = await c.call('read_finding', { findingId: 42 });
        expect(bad.isError).toBe(true);
        expect(bad.content[0]!.text).not.toMatch(/-32602/);
        const error = errorOf(bad);
        expect(error.code).toBe('validation_failed');
        expect(error.issues.map((i: { path: string }) => i.path)).toEqual(['findingId']);
        const missing = errorOf(await c.call('save_record', {}));
        expect(missing.code).toBe('validation_failed');
        expect(missing.issues.map((i: { path: string }) => i.path)).toContain('findingId');
      } finally {
        await c.close();
      }
    });

    it('a token makes a bounded number of tool calls a minute, across servers; another token has its own', async () => {
      // Each server here is a new one, as POST /api/mcp makes one per request.
      const answers: string[] = [];
      for (let i = 0; i < PER_MINUTE + 2; i++) {
        const c = await connect(secrets.limited!);
        try {
          const r = await c.call('list_audits', {});
          answers.push(r.isError ? errorOf(r).code : 'ok');
        } finally {
          await c.close();
        }
      }
      expect(answers).toEqual([...Array(PER_MINUTE).fill('ok'), 'rate_limited', 'rate_limited']);
      const other = await connect(secrets.other!);
      try {
        expect((await other.call('list_audits', {})).isError).toBeFalsy();
      } finally {
        await other.close();
      }
    });
  });
}
