// Public face of the mcp module (issue #20): the Model Context Protocol server over closeloop's use-cases,
// for `closeloop mcp` (stdio) and `POST /api/mcp` (Streamable HTTP).
export { tokenCallerContext, tokenContext } from './mcp.access.ts';
export { answerMcpRequest } from './mcp.http.ts';
export { MCP_CALLS_PER_MINUTE } from './mcp.limits.ts';
export { createMcpServer, type McpOptions } from './mcp.server.ts';
export { serveMcpStdio } from './mcp.stdio.ts';
