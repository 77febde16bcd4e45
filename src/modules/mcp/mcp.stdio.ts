import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { OrgContext } from '../context.ts';
import { createMcpServer, type McpOptions } from './mcp.server.ts';

/** `closeloop mcp`: serves MCP on stdin/stdout until the client closes stdin. */
export async function serveMcpStdio(ctx: OrgContext, opts: McpOptions): Promise<void> {
  const server = createMcpServer(ctx, opts);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(new StdioServerTransport());
  await closed;
  await server.close();
}
