import { z } from 'zod';
import { AppError } from '../../contracts/errors.ts';
import { principalOf } from '../../http/gate.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import { tokenCallerContext } from './mcp.access.ts';
import { answerMcpRequest } from './mcp.http.ts';
import { MCP_CALLS_PER_MINUTE } from './mcp.server.ts';

const jsonRpcMessage = z
  .object({ jsonrpc: z.literal('2.0'), method: z.string().max(200).optional() })
  .catchall(z.unknown())
  .describe('a JSON-RPC 2.0 message of the Model Context Protocol (initialize, tools/list, tools/call, …)');

export function mcpRoutes(app: ZodApp, deps: Pick<ModuleDeps, 'database' | 'env' | 'version' | 'rateLimit'>) {
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
        security: [{ bearer: [] }],
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
      await answerMcpRequest(
        ctx,
        {
          version: deps.version,
          callsPerMinute: deps.rateLimit ? MCP_CALLS_PER_MINUTE : null,
          logError: (err) => req.log.error({ err }, 'MCP tool failed'),
        },
        req.raw,
        reply.raw,
        req.body,
      );
    },
  );
}
