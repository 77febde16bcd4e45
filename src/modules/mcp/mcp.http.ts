import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrgContext } from '../context.ts';
import type { McpOptions } from './mcp.server.ts';

/**
 * One Streamable HTTP exchange in stateless mode (no MCP session id): a server and a transport for this
 * request only, answered as JSON. The body was already parsed (and size-limited) by Fastify.
 */
export async function answerMcpRequest(
  ctx: OrgContext,
  opts: McpOptions,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
) {
  // The MCP SDK (and the tools over it) loads with the first MCP request, not with every server start.
  const [{ StreamableHTTPServerTransport }, { createMcpServer }] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/streamableHttp.js'),
    import('./mcp.server.ts'),
  ]);
  const server = createMcpServer(ctx, opts);
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}
