import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { labelOf, type WebhookEventType, webhookEventTypes } from '../../../../src/vocabulary/index.ts';
import { errorMessage, PAGE_SIZE } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import {
  EmptyState,
  ErrorNote,
  formatDateTime,
  ListPager,
  Loading,
  PageHeader,
  useOrg,
} from '../../components/common.tsx';
import { webhookQueries, webhooksApi } from './api.ts';

// Webhooks (issue #20): an admin adds an endpoint (its secret is shown once), reads its delivery log and
// redelivers. docs/guide/webhooks.md explains the signature and the retries.

function Deliveries({ endpointId, url }: { endpointId: string; url: string }) {
  const org = useOrg();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery(webhookQueries.deliveries(org.slug, endpointId, { page, pageSize: PAGE_SIZE }));
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) => webhooksApi.redeliver(org.slug, endpointId, deliveryId),
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        title: 'Queued',
        message: 'The delivery is sent again on the next run.',
      });
      void invalidate(qc, org.slug, 'webhooks');
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not queued', message: errorMessage(e) }),
  });
  if (list.isLoading) return <Loading />;
  if (list.isError) return <ErrorNote error={list.error} />;
  if (list.data?.items.length === 0)
    return (
      <EmptyState
        title="No deliveries yet"
        hint="Each event this endpoint chose appears here once it happens."
      />
    );
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={`Deliveries to ${url}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Response</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{labelOf.webhookEvent(d.type)}</Table.Td>
                <Table.Td>{formatDateTime(d.eventAt)}</Table.Td>
                <Table.Td>
                  <Badge color={d.status === 'delivered' ? 'teal' : d.status === 'failed' ? 'red' : 'gray'}>
                    {labelOf.webhookDeliveryStatus(d.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.lastStatusCode ?? '—'}</Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => redeliver.mutate(d.id)}
                    aria-label={`Redeliver ${labelOf.webhookEvent(d.type)} of ${formatDateTime(d.eventAt)}`}
                  >
                    Redeliver
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListPager data={list.data} page={page} onChange={setPage} />
    </>
  );
}

export function WebhooksPage() {
  const org = useOrg();
  const qc = useQueryClient();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['finding.created']);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery(webhookQueries.list(org.slug));
  const create = useMutation({
    mutationFn: () => webhooksApi.create(org.slug, { url, events }),
    onSuccess: (e) => {
      setSecret(e.secret);
      setUrl('');
      setOpen(e.id);
      void invalidate(qc, org.slug, 'webhooks');
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not added', message: errorMessage(e) }),
  });
  const toggle = useMutation({
    mutationFn: (e: { id: string; enabled: boolean }) => webhooksApi.setEnabled(org.slug, e.id, e.enabled),
    onSuccess: () => invalidate(qc, org.slug, 'webhooks'),
  });
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="closeloop POSTs a signed message (Standard Webhooks) to these URLs after each event they chose. Only https to public addresses, unless the operator allows internal ones."
      />
      {secret && (
        <Alert
          color="teal"
          mb="md"
          title="Copy the signing secret now: it is shown only once"
          withCloseButton
          closeButtonLabel="Dismiss the secret"
          onClose={() => setSecret(null)}
        >
          <Group>
            <Code data-testid="webhook-secret">{secret}</Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button size="xs" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <Card withBorder mb="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <TextInput
            label="Endpoint URL"
            placeholder="https://hooks.example.com/closeloop"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            required
            mb="sm"
          />
          <Checkbox.Group
            label="Events"
            value={events}
            onChange={(v) => setEvents(v as WebhookEventType[])}
            mb="sm"
          >
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
              {webhookEventTypes.map((t) => (
                <Checkbox key={t} value={t} label={labelOf.webhookEvent(t)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Button type="submit" loading={create.isPending} disabled={events.length === 0}>
            Add endpoint
          </Button>
        </form>
      </Card>
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNote error={list.error} />
      ) : list.data?.items.length === 0 ? (
        <EmptyState
          title="No endpoints"
          hint="Add one to tell another system when findings, CAPs or certificates change."
        />
      ) : (
        list.data?.items.map((e) => (
          <Card withBorder mb="md" key={e.id} aria-label={`Endpoint ${e.url}`}>
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h5" style={{ overflowWrap: 'anywhere' }}>
                {e.url}
              </Title>
              <Group>
                <Badge color={e.enabled ? 'teal' : 'red'}>{e.enabled ? 'Enabled' : 'Disabled'}</Badge>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => toggle.mutate({ id: e.id, enabled: !e.enabled })}
                >
                  {e.enabled ? 'Disable' : 'Enable'}
                </Button>
                <Button size="xs" variant="default" onClick={() => setOpen(open === e.id ? null : e.id)}>
                  {open === e.id ? 'Hide deliveries' : 'Show deliveries'}
                </Button>
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {e.events.map(labelOf.webhookEvent).join(' · ')}
            </Text>
            {e.disabledReason && (
              <Text size="sm" c="red.8">
                {e.disabledReason}
              </Text>
            )}
            {open === e.id && <Deliveries endpointId={e.id} url={e.url} />}
          </Card>
        ))
      )}
    </>
  );
}
