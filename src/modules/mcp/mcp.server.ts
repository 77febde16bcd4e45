import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { AppError } from '../../contracts/errors.ts';
import type { ContentStore } from '../../storage/content-store.ts';
import type { OrgContext } from '../context.ts';
import { countHit } from '../rate-limits/index.ts';
import { registerResources } from './mcp.resources.ts';
import { registerTools } from './mcp.tools.ts';

export interface McpOptions {
  version: string;
  /** Tool calls a token may make per minute, counted in the database (both transports, all instances); null: no limit. */
  callsPerMinute: number | null;
  /** Logs an unexpected failure; the caller sees only `internal` with no detail. */
  logError?: (err: unknown) => void;
  /** Where evidence (links recorded as evidence) is stored, and the upload limit. */
  store: ContentStore;
  maxBytes: number;
}

/** The error a tool answers with: closeloop's stable code, its message and field paths, as JSON text. */
export function toolError(err: unknown, logError?: (err: unknown) => void): CallToolResult {
  let error: { code: string; message: string; issues: { path: string; message: string }[] };
  if (err instanceof AppError) error = { code: err.code, message: err.message, issues: err.issues };
  else if (err instanceof z.ZodError)
    error = {
      code: 'validation_failed',
      message: 'the arguments are not valid',
      issues: err.issues.map((i) => ({ path: i.path.join('/'), message: i.message })),
    };
  else {
    logError?.(err);
    error = { code: 'internal', message: 'unexpected error; see the server log', issues: [] };
  }
  return { isError: true, content: [{ type: 'text', text: JSON.stringify({ error }, null, 2) }] };
}

export const toolText = (value: unknown): CallToolResult => ({
  content: [
    {
      type: 'text',
      text: typeof value === 'string' ? value : JSON.stringify(value ?? { ok: true }, null, 2),
    },
  ],
});

/**
 * The closeloop MCP server for one organisation context (a member acting through an API token). Every
 * tool calls a use-case of a module's public face with this context, so the policy table, the
 * organisation scoping and the audit trail are those of the API. Shared by `closeloop mcp` (stdio) and
 * `POST /api/mcp` (Streamable HTTP, stateless: one server per request).
 */
export function createMcpServer(ctx: OrgContext, opts: McpOptions): McpServer {
  const server = new McpServer(
    { name: 'closeloop', version: opts.version },
    {
      instructions: `closeloop: ISO/IEC 27001 audit follow-up for ${ctx.organisation.name}. You act as ${ctx.actor.label}; every change is recorded in the audit trail.`,
    },
  );
  const run = async (work: () => Promise<unknown>): Promise<CallToolResult> => {
    try {
      await limit(ctx, opts.callsPerMinute);
      return toolText(await work());
    } catch (err) {
      return toolError(err, opts.logError);
    }
  };
  registerTools(server, ctx, run, opts);
  registerResources(server, ctx);
  answerInvalidArgumentsAsValidationFailed(server);
  return server;
}

/**
 * The SDK checks a tool's arguments against its input schema before the tool runs and answers a bare
 * "MCP error -32602: Input validation error" text. closeloop's tools parse their arguments with the same
 * schema inside `run` (mcp.tools.ts), so the SDK's check is skipped here and invalid arguments answer
 * `validation_failed` with field paths, like a problem+json of the API. tools/list still advertises the
 * schemas. (The SDK's own method is not public: test/mcp/mcp-limits.test.ts fails if it stops applying.)
 */
function answerInvalidArgumentsAsValidationFailed(server: McpServer) {
  const sdk = server as unknown as { validateToolInput?: (tool: unknown, args: unknown) => Promise<unknown> };
  if (typeof sdk.validateToolInput !== 'function') return;
  sdk.validateToolInput = async (_tool, args) => args ?? {};
}

async function limit(ctx: OrgContext, perMinute: number | null) {
  if (perMinute === null) return;
  const key = ctx.actor.userId ? `${ctx.organisation.id}:${ctx.actor.label}` : ctx.organisation.id;
  const { current, ttl } = await countHit(ctx.db, 'mcp', key, 60_000, ctx.now().getTime());
  if (current > perMinute)
    throw new AppError('rate_limited', `too many tool calls; try again in ${Math.ceil(ttl / 1000)} s`);
}
