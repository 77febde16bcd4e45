import { Badge, Button, Group, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { trustRequest } from '../../../../src/contracts/trust.ts';
import { errorMessage, get, post } from '../../api/client.ts';
import { EmptyState, ErrorNote, formatDateTime, Loading } from '../../components/common.tsx';

type Req = z.infer<typeof trustRequest>;
const colour = { pending: 'yellow', approved: 'teal', denied: 'red' } as const;

export function RequestsTab({ slug, canDecide }: { slug: string; canDecide: boolean }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState('pending');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [until, setUntil] = useState<Record<string, string>>({});
  const base = `/api/v1/orgs/${slug}/trust/requests`;
  const list = useQuery({
    queryKey: ['trust', slug, 'requests', status],
    queryFn: () => get<{ items: Req[] }>(status === 'all' ? base : `${base}?status=${status}`),
  });
  async function decide(r: Req, decision: 'approve' | 'deny') {
    try {
      await post(`${base}/${r.id}/decision`, {
        decision,
        reason: reasons[r.id] ?? '',
        expiresOn: until[r.id] || null,
      });
      notifications.show({
        color: 'teal',
        message:
          decision === 'approve'
            ? `Approved; ${r.email} was sent a sign-in link`
            : 'Denied; the requester was told why',
      });
      await qc.invalidateQueries({ queryKey: ['trust', slug] });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not decided', message: errorMessage(e) });
    }
  }
  return (
    <>
      <SegmentedControl
        mb="sm"
        value={status}
        onChange={setStatus}
        data={[
          { value: 'pending', label: 'Pending' },
          { value: 'all', label: 'All' },
        ]}
        aria-label="Which requests"
      />
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNote error={list.error} />
      ) : list.data?.items.length === 0 ? (
        <EmptyState title="No requests" hint="Visitors ask for On request documents from the public page." />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Requester</Table.Th>
                <Table.Th>Document</Table.Th>
                <Table.Th>Asked</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Decision</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {r.name}
                    </Text>
                    <Text size="xs">
                      {r.email} · {r.company}
                    </Text>
                    {r.message && (
                      <Text size="xs" c="dimmed">
                        {r.message}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.documentTitle ?? 'All on-request documents'}</Table.Td>
                  <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                  <Table.Td>
                    <Badge color={colour[r.status]}>{r.status}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.status === 'pending' && canDecide ? (
                      <Group gap="xs" wrap="nowrap">
                        <TextInput
                          size="xs"
                          aria-label={`Reason for ${r.email}`}
                          placeholder="Reason"
                          value={reasons[r.id] ?? ''}
                          onChange={(e) => setReasons({ ...reasons, [r.id]: e.currentTarget.value })}
                        />
                        <TextInput
                          size="xs"
                          type="date"
                          aria-label={`Access for ${r.email} until (default 90 days)`}
                          title="Access until (default 90 days)"
                          value={until[r.id] ?? ''}
                          onChange={(e) => setUntil({ ...until, [r.id]: e.currentTarget.value })}
                        />
                        <Button
                          size="xs"
                          onClick={() => decide(r, 'approve')}
                          aria-label={`Approve ${r.email}`}
                        >
                          Approve
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() => decide(r, 'deny')}
                          aria-label={`Deny ${r.email}`}
                        >
                          Deny
                        </Button>
                      </Group>
                    ) : (
                      <Text size="xs">
                        {r.decidedBy
                          ? `${r.decidedBy}${r.decisionReason ? `: ${r.decisionReason}` : ''}`
                          : '—'}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
