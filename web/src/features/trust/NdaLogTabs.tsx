import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { accessLog, ndaVersion, trustDocument } from '../../../../src/contracts/trust.ts';
import { errorMessage, get, post } from '../../api/client.ts';
import { EmptyState, formatDateTime, Loading, Pager } from '../../components/common.tsx';

export function NdaTab({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const qc = useQueryClient();
  const base = `/api/v1/orgs/${slug}/trust/nda`;
  const versions = useQuery({
    queryKey: ['trust', slug, 'nda'],
    queryFn: () => get<{ items: z.infer<typeof ndaVersion>[] }>(base),
  });
  const [text, setText] = useState('');
  async function publish() {
    try {
      await post(base, { text });
      setText('');
      await qc.invalidateQueries({ queryKey: ['trust', slug] });
      notifications.show({ color: 'teal', message: 'New NDA version in force; visitors accept it again' });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
    }
  }
  return (
    <Stack>
      {canEdit && (
        <Card withBorder>
          <Textarea
            label="New NDA version"
            autosize
            minRows={4}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            description="Visitors who accepted an earlier version are asked to accept this one."
          />
          <Button mt="xs" onClick={publish} disabled={text.trim().length < 20}>
            Put this version in force
          </Button>
        </Card>
      )}
      {versions.isLoading ? (
        <Loading />
      ) : versions.data?.items.length === 0 ? (
        <EmptyState title="No NDA yet" hint="Without an NDA, After NDA documents cannot be opened." />
      ) : (
        versions.data?.items.map((v, i) => (
          <Card withBorder key={v.version}>
            <Group mb={4}>
              <Title order={3} size="h5">
                Version {v.version}
              </Title>
              {i === 0 && <Badge color="teal">in force</Badge>}
              <Text size="xs" c="dimmed">
                {v.createdBy}, {formatDateTime(v.createdAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {v.text}
            </Text>
          </Card>
        ))
      )}
    </Stack>
  );
}

const kindLabel: Record<string, string> = {
  page_view: 'Page view',
  download: 'Download',
  nda_accept: 'NDA accepted',
  request: 'Request',
  approve: 'Approved',
  deny: 'Denied',
  grant: 'Grant',
  grant_revoke: 'Grant revoked',
  invite: 'Invitation',
  sign_in: 'Sign-in',
  link_open: 'Link opened',
  link_revoke: 'Link revoked',
};

export function LogTab({ slug }: { slug: string }) {
  const [email, setEmail] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [page, setPage] = useState(1);
  const filter = { ...(email ? { email } : {}), ...(documentId ? { documentId } : {}) };
  const q = new URLSearchParams({ page: String(page), pageSize: '50', ...filter });
  const csv = new URLSearchParams(filter).toString();
  const docs = useQuery({
    queryKey: ['trust', slug, 'documents'],
    queryFn: () => get<{ items: z.infer<typeof trustDocument>[] }>(`/api/v1/orgs/${slug}/trust/documents`),
  });
  const log = useQuery({
    queryKey: ['trust', slug, 'log', page, email, documentId],
    queryFn: () => get<z.infer<typeof accessLog>>(`/api/v1/orgs/${slug}/trust/log?${q}`),
  });
  return (
    <>
      <Group mb="sm" align="end">
        <TextInput
          label="Viewer email"
          value={email}
          onChange={(e) => {
            setEmail(e.currentTarget.value.trim());
            setPage(1);
          }}
        />
        <NativeSelect
          label="Document"
          value={documentId}
          onChange={(e) => {
            setDocumentId(e.currentTarget.value);
            setPage(1);
          }}
          data={[
            { value: '', label: 'All documents' },
            ...(docs.data?.items.map((d) => ({ value: d.id, label: d.title })) ?? []),
          ]}
        />
        <Anchor href={`/api/v1/orgs/${slug}/trust/log.csv${csv ? `?${csv}` : ''}`}>Export CSV</Anchor>
      </Group>
      {log.isLoading ? (
        <Loading />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Access log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>Document</Table.Th>
                <Table.Th>Viewer</Table.Th>
                <Table.Th>IP</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data?.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{kindLabel[e.kind] ?? e.kind}</Table.Td>
                  <Table.Td>{e.documentTitle}</Table.Td>
                  <Table.Td>{e.email ?? 'anonymous'}</Table.Td>
                  <Table.Td>{e.ip ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {log.data && (
        <Pager page={log.data.page} pageSize={log.data.pageSize} total={log.data.total} onChange={setPage} />
      )}
    </>
  );
}
