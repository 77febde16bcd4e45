import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

// `closeloop mcp`: the MCP server on stdin/stdout for a desktop assistant (issue #20). The API token (from
// --token or CLOSELOOP_TOKEN) selects the organisation and the person acting: their role, scope and the
// audit trail are those of the API. Logs go to stderr; stdout carries only the protocol.
export const mcpCommand: Command = {
  path: ['mcp'],
  summary: 'serve the Model Context Protocol on stdio for an assistant, acting with an API token',
  usage: 'mcp [--token cl_…]   (or CLOSELOOP_TOKEN=cl_…)',
  options: {
    token: { type: 'string', description: 'an API token (default: CLOSELOOP_TOKEN)' },
  },
  async run(run) {
    const secret =
      (typeof run.options.token === 'string' ? run.options.token : process.env.CLOSELOOP_TOKEN) ?? '';
    if (secret.trim() === '') throw new UsageError('--token or CLOSELOOP_TOKEN: an API token is required');
    const pino = (await import('pino')).default;
    const { createCoreRuntime } = await import('../../runtime.ts');
    const mcp = await import('../../modules/mcp/index.ts');
    const { openContentStore } = await import('../../storage/open.ts');
    const logger = pino({ level: run.config.logLevel === 'silent' ? 'silent' : 'warn' }, pino.destination(2));
    const rt = await createCoreRuntime({ ...run.config, logLevel: 'warn' }, { migrate: false, logger });
    try {
      const ctx = await mcp.tokenContext(secret, { ...rt.database, env: rt.env });
      await mcp.serveMcpStdio(ctx, {
        version: process.env.npm_package_version ?? '0.1.0',
        callsPerMinute: run.config.rateLimit ? mcp.MCP_CALLS_PER_MINUTE : null,
        logError: (err) => logger.error({ err }, 'MCP tool failed'),
        store: openContentStore(rt.database, run.config.dataDir),
        maxBytes: run.config.maxUploadBytes,
      });
      return 0;
    } finally {
      await rt.close();
    }
  },
};
