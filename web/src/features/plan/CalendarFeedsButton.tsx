import { Button, Code, CopyButton, Group, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { feedInput } from '../../../../src/contracts/collaboration.ts';
import { errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../../components/common.tsx';
import { feedKeys, planApi } from './api.ts';

/** Private ICS feeds: the address is shown once; revoking one stops it at once (the server answers 404). */
export function CalendarFeedsButton({ org }: { org: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [scope, setScope] = useState('mine');
  const [created, setCreated] = useState<string | null>(null);
  const qc = useQueryClient();
  const key = feedKeys.all(org);
  const feeds = useQuery({
    enabled: opened,
    queryKey: key,
    queryFn: () => planApi.feeds(org),
  });
  const create = useMutation({
    mutationFn: () => planApi.createFeed(org, { scope: scope as z.input<typeof feedInput>['scope'] }),
    onSuccess: (f) => {
      setCreated(f.url);
      qc.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => planApi.removeFeed(org, id),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  return (
    <>
      <Button variant="default" onClick={open}>
        Calendar feed
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          close();
          setCreated(null);
        }}
        title="Calendar feeds"
        size="lg"
      >
        <Stack>
          <Text size="sm">
            Subscribe from any calendar app to see deadlines and audit dates. Whoever has the address can read
            the calendar: keep it private, revoke it if it leaks.
          </Text>
          <Group>
            <SegmentedControl
              value={scope}
              onChange={setScope}
              data={[
                { value: 'mine', label: 'My deadlines' },
                { value: 'organisation', label: 'Whole organisation' },
              ]}
            />
            <Button onClick={() => create.mutate()} loading={create.isPending}>
              Create a feed
            </Button>
          </Group>
          {create.error && <Text c="red">{errorMessage(create.error)}</Text>}
          {created && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Copy it now: it is not shown again.
              </Text>
              <Group wrap="nowrap">
                <Code data-testid="feed-url" style={{ wordBreak: 'break-all' }}>
                  {created}
                </Code>
                <CopyButton value={created}>
                  {({ copied, copy }) => (
                    <Button size="xs" onClick={copy}>
                      {copied ? 'Copied' : 'Copy'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          )}
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Feed</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last read</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(feeds.data?.items ?? []).map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.scope === 'mine' ? 'My deadlines' : 'Organisation'}</Table.Td>
                  <Table.Td>{formatDateTime(f.createdAt)}</Table.Td>
                  <Table.Td>{f.lastUsedAt ? formatDateTime(f.lastUsedAt) : 'never'}</Table.Td>
                  <Table.Td>
                    {f.revokedAt ? (
                      'revoked'
                    ) : (
                      <Button
                        size="compact-xs"
                        color="red"
                        variant="light"
                        onClick={() => revoke.mutate(f.id)}
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Modal>
    </>
  );
}
