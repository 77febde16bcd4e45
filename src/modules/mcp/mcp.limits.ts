/** Tool calls per token and minute when rate limits are on (CLOSELOOP_RATE_LIMIT). */
export const MCP_CALLS_PER_MINUTE = 120;
