import { Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the signed-out pages: setup, sign-in, password reset, invitation. */
export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440}>
        <Stack gap="md">
          <div>
            <Text fw={700} c="teal.9" size="sm">
              closeloop
            </Text>
            <Title order={1} size="h3">
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            )}
          </div>
          {children}
          <Text size="xs" c="dimmed">
            ISO/IEC 27001 audit follow-up ·{' '}
            <Anchor href="/docs/api" size="xs">
              API
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
