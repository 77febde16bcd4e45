import { Badge, Card, Code, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Paged } from '../../../../src/contracts/common.ts';
import type { mailMessage } from '../../../../src/contracts/foundation.ts';
import { get } from '../../api.ts';
import {
  EmptyState,
  ErrorNote,
  formatDateTime,
  Loading,
  PageHeader,
  useOrg,
} from '../../components/common.tsx';

export function OutboxPage() {
  const org = useOrg();
  const mail = useQuery({
    queryKey: ['outbox', org.slug],
    queryFn: () =>
      get<Paged<z.infer<typeof mailMessage>>>(`/api/v1/orgs/${org.slug}/mail-outbox?pageSize=100`),
  });
  return (
    <>
      <PageHeader
        title="Mail outbox"
        description="Messages closeloop sent or, without SMTP settings, logged here instead of sending. Configure SMTP_HOST to deliver mail."
      />
      {mail.isLoading ? (
        <Loading />
      ) : mail.isError ? (
        <ErrorNote error={mail.error} />
      ) : mail.data?.items.length === 0 ? (
        <EmptyState title="No mail yet" hint="Invitations and password resets appear here." />
      ) : (
        <Stack>
          {mail.data?.items.map((m) => (
            <Card withBorder key={m.id} aria-label={`Mail to ${m.to}`}>
              <Text fw={600}>{m.subject}</Text>
              <Text size="sm" c="dimmed">
                to {m.to} · {formatDateTime(m.createdAt)} · <Badge size="xs">{m.status}</Badge>
              </Text>
              <Code block mt="xs">
                {m.body}
              </Code>
            </Card>
          ))}
        </Stack>
      )}
    </>
  );
}
