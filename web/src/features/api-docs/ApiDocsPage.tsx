import { Accordion, Anchor, Badge, Code, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../api/client.ts';
import { sessionKeys } from '../../api/keys.ts';

// The document is OpenAPI itself, not one of our contracts; it is read as it comes.
const openApiDocument = z.custom<Spec>((v) => typeof v === 'object' && v !== null && 'paths' in v);

import { ErrorNote, Loading } from '../../components/common.tsx';

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface Spec {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}
const colours: Record<string, string> = {
  get: 'blue',
  post: 'teal',
  put: 'orange',
  patch: 'yellow',
  delete: 'red',
};

/** A readable rendering of /api/openapi.json (OpenAPI 3.1), grouped by tag. */
export function ApiDocsPage() {
  const spec = useQuery({
    queryKey: sessionKeys.openapi,
    queryFn: () => request('GET', '/api/openapi.json', { params: {}, response: openApiDocument }),
  });
  if (spec.isLoading) return <Loading />;
  if (spec.isError || !spec.data) return <ErrorNote error={spec.error} />;
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, methods] of Object.entries(spec.data.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  return (
    <Container size="lg" py="lg">
      <Stack>
        <div>
          <Title order={1}>{spec.data.info.title}</Title>
          <Text c="dimmed">
            Version {spec.data.info.version} · <Anchor href="/api/openapi.json">openapi.json</Anchor> ·{' '}
            <Anchor href="/">back to the app</Anchor>
          </Text>
          <Text mt="xs">{spec.data.info.description}</Text>
        </div>
        {[...byTag.entries()].map(([tag, ops]) => (
          <section key={tag} aria-label={tag}>
            <Title order={2} size="h3" tt="capitalize" mb="xs">
              {tag}
            </Title>
            <Accordion variant="separated" multiple>
              {ops.map(({ method, path, op }) => (
                <Accordion.Item key={`${method} ${path}`} value={`${method} ${path}`}>
                  <Accordion.Control>
                    <Group gap="sm" wrap="nowrap">
                      <Badge color={colours[method] ?? 'gray'} w={70}>
                        {method}
                      </Badge>
                      <Code style={{ overflow: 'visible', overflowWrap: 'anywhere' }}>{path}</Code>
                      <Text size="sm">{op.summary}</Text>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    {op.parameters && op.parameters.length > 0 && (
                      <Text size="sm" mb="xs">
                        Parameters:{' '}
                        {op.parameters
                          .map((p) => `${p.name} (${p.in}${p.required ? ', required' : ''})`)
                          .join(', ')}
                      </Text>
                    )}
                    {op.requestBody?.content && (
                      <>
                        <Text size="sm" fw={600}>
                          Request body
                        </Text>
                        <Code block>
                          {JSON.stringify(Object.values(op.requestBody.content)[0]?.schema, null, 2)}
                        </Code>
                      </>
                    )}
                    {Object.entries(op.responses ?? {}).map(([status, r]) => (
                      <div key={status}>
                        <Text size="sm" fw={600} mt="xs">
                          {status} {r.description}
                        </Text>
                        {r.content && (
                          <Code block>{JSON.stringify(Object.values(r.content)[0]?.schema, null, 2)}</Code>
                        )}
                      </div>
                    ))}
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </section>
        ))}
      </Stack>
    </Container>
  );
}
