import { Card, Code, List, Text, Title } from '@mantine/core';

// How to hand a token to an AI assistant (issue #20): the remote endpoint, the client configuration,
// and `closeloop mcp` for a local assistant. docs/guide/mcp.md has the other clients.
export function McpHint({ token }: { token?: string }) {
  const endpoint = `${window.location.origin}/api/mcp`;
  const secret = token ?? 'cl_…';
  const remote = JSON.stringify(
    {
      servers: {
        closeloop: { type: 'http', url: endpoint, headers: { Authorization: `Bearer ${secret}` } },
      },
    },
    null,
    2,
  );
  const local = JSON.stringify(
    {
      mcpServers: {
        closeloop: { command: 'npx', args: ['closeloop', 'mcp'], env: { CLOSELOOP_TOKEN: secret } },
      },
    },
    null,
    2,
  );
  return (
    <Card withBorder mt="md" component="section" aria-labelledby="mcp-hint">
      <Title order={2} size="h4" id="mcp-hint" mb="xs">
        Use with an AI assistant (MCP)
      </Title>
      <Text size="sm" mb="xs">
        An assistant that speaks the Model Context Protocol reads your audits and findings and drafts the
        corrective action record with this token: your role, this organisation only, every change in the audit
        trail under the token’s name.
      </Text>
      <List size="sm" spacing="xs">
        <List.Item>
          Remote: <Code>POST {endpoint}</Code> (Streamable HTTP) with the header{' '}
          <Code>Authorization: Bearer {secret}</Code>. In a client’s configuration (VS Code{' '}
          <Code>.vscode/mcp.json</Code>):
          <Code block mt={4} style={{ overflowX: 'auto' }}>
            {remote}
          </Code>
        </List.Item>
        <List.Item>
          Local, on the server: <Code>closeloop mcp</Code> (stdio) with the token in{' '}
          <Code>CLOSELOOP_TOKEN</Code>, e.g. Claude Desktop’s <Code>claude_desktop_config.json</Code>:
          <Code block mt={4} style={{ overflowX: 'auto' }}>
            {local}
          </Code>
        </List.Item>
      </List>
      <Text size="sm" c="dimmed" mt="xs">
        Tool calls are limited per token. Revoke the token to cut the assistant off. The guide
        (docs/guide/mcp.md) lists the tools and other clients.
      </Text>
    </Card>
  );
}
