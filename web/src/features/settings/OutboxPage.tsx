import { Badge, Card, Code, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PAGE_SIZE } from '../../api/client.ts';
import {
  EmptyState,
  ErrorNote,
  formatDateTime,
  ListPager,
  Loading,
  PageHeader,
  useOrg,
} from '../../components/common.tsx';
import { settingsQueries } from './api.ts';

export function OutboxPage() {
  const org = useOrg();
  const [page, setPage] = useState(1);
  const mail = useQuery(settingsQueries.outbox(org.slug, { page, pageSize: PAGE_SIZE }));
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
              {/* Wrapped, never a scroll box: long links stay readable and reachable without a scrollbar. */}
              <Code block mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {m.body}
              </Code>
            </Card>
          ))}
        </Stack>
      )}
      <ListPager data={mail.data} page={page} onChange={setPage} />
    </>
  );
}
