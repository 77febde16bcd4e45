import { z } from 'zod';
import { AppError } from '../../contracts/errors.ts';
import { principalOf } from '../../http/gate.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import { tokenCallerContext } from './mcp.access.ts';
import { answerMcpRequest } from './mcp.http.ts';
import { MCP_CALLS_PER_MINUTE } from './mcp.limits.ts';

const jsonRpcMessage = z
  .object({ jsonrpc: z.literal('2.0'), method: z.string().max(200).optional() })
  .catchall(z.unknown())
  .describe('a JSON-RPC 2.0 message of the Model Context Protocol (initialize, tools/list, tools/call, …)');

export function mcpRoutes(
  app: ZodApp,
  deps: Pick<ModuleDeps, 'database' | 'env' | 'version' | 'rateLimit' | 'store' | 'maxUploadBytes'>,
) {
  app.post(
    '/api/mcp',
    {
      config: {
        policy: 'authenticated',
        ...(deps.rateLimit ? { rateLimit: { max: 2 * MCP_CALLS_PER_MINUTE, timeWindow: '1 minute' } } : {}),
      },
      schema: {
        tags: ['mcp'],
        summary: 'Model Context Protocol (Streamable HTTP, stateless) for assistants, with an API token',
        description:
          'Send `Authorization: Bearer cl_…` (an API token: its organisation and owner act) and `Accept: application/json, text/event-stream`. Answers JSON-RPC as JSON; a tool that fails answers `isError` with closeloop’s error code. See docs/guide/mcp.md.',
        body: z.union([jsonRpcMessage, z.array(jsonRpcMessage).min(1).max(50)]),
        response: {
          200: z
            .object({ jsonrpc: z.literal('2.0') })
            .catchall(z.unknown())
            .describe('the JSON-RPC answer'),
        },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      if (p.via !== 'token' || !p.tokenOrganisationId || !p.token)
        throw new AppError('unauthenticated', 'MCP takes an API token: send Authorization: Bearer cl_…');
      const ctx = await tokenCallerContext(
        { userId: p.userId, email: p.email, organisationId: p.tokenOrganisationId, token: p.token },
        { ...deps.database, env: deps.env },
      );
      reply.hijack();
      try {
        await answerMcpRequest(ctx, options(deps, req), req.raw, reply.raw, req.body);
      } catch (err) {
        // After hijack Fastify no longer answers: a failure of the transport itself is a JSON-RPC error.
        req.log.error({ err }, 'MCP request failed');
        if (!reply.raw.headersSent)
          reply.raw.writeHead(500, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              jsonrpc: '2.0',
              id: null,
              error: { code: -32603, message: 'internal error' },
            }),
          );
      }
    },
  );
}

const options = (
  deps: Pick<ModuleDeps, 'version' | 'rateLimit' | 'store' | 'maxUploadBytes'>,
  req: { log: { error: (o: object, m: string) => void } },
) => ({
  version: deps.version,
  callsPerMinute: deps.rateLimit ? MCP_CALLS_PER_MINUTE : null,
  logError: (err: unknown) => req.log.error({ err }, 'MCP tool failed'),
  store: deps.store,
  maxBytes: deps.maxUploadBytes,
});
