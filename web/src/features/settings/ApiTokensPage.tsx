import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Table,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { createdApiToken } from '../../../../src/contracts/foundation.ts';
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
import { settingsApi, settingsQueries } from './api.ts';
import { McpHint } from './McpHint.tsx';

export function ApiTokensPage() {
  const org = useOrg();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(90);
  const [created, setCreated] = useState<z.infer<typeof createdApiToken> | null>(null);
  const [page, setPage] = useState(1);
  const list = useQuery(settingsQueries.tokens(org.slug, { page, pageSize: PAGE_SIZE }));
  const create = useMutation({
    mutationFn: () => settingsApi.createToken(org.slug, { name, expiresInDays: days }),
    onSuccess: (t) => {
      setCreated(t);
      setName('');
      void invalidate(qc, org.slug, 'tokens');
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not created', message: errorMessage(e) }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => settingsApi.revokeToken(org.slug, id),
    onSuccess: () => invalidate(qc, org.slug, 'tokens'),
  });
  return (
    <>
      <PageHeader
        title="API tokens"
        description={`Personal tokens for scripts and CI. A token acts with your role in ${org.name} only; send it as "Authorization: Bearer …".`}
      />
      {created && (
        <Alert
          color="teal"
          mb="md"
          title="Copy your token now: it is shown only once"
          withCloseButton
          onClose={() => setCreated(null)}
        >
          <Group>
            <Code data-testid="new-token">{created.token}</Code>
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button size="xs" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Group align="flex-end" mb="md" wrap="wrap">
            <TextInput
              label="Token name"
              placeholder="CI export"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              w={260}
            />
            <NumberInput
              label="Expires in (days)"
              min={1}
              max={730}
              value={days}
              onChange={(v) => setDays(Number(v) || 90)}
              w={160}
            />
            <Button type="submit" loading={create.isPending}>
              Create token
            </Button>
          </Group>
        </form>
        {list.isLoading ? (
          <Loading />
        ) : list.isError ? (
          <ErrorNote error={list.error} />
        ) : list.data?.items.length === 0 ? (
          <EmptyState
            title="No tokens"
            hint="Create one to call the API from a script; see the API reference for the endpoints."
          />
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label="API tokens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Prefix</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td>
                      <Code>{t.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{formatDateTime(t.createdAt)}</Table.Td>
                    <Table.Td>{t.expiresAt ? formatDateTime(t.expiresAt) : 'never'}</Table.Td>
                    <Table.Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : '—'}</Table.Td>
                    <Table.Td>
                      {t.revokedAt ? (
                        <Badge color="gray">revoked</Badge>
                      ) : (
                        <Button
                          size="xs"
                          color="red"
                          variant="subtle"
                          onClick={() => revoke.mutate(t.id)}
                          aria-label={`Revoke ${t.name}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ListPager data={list.data} page={page} onChange={setPage} />
      </Card>
      <McpHint token={created?.token} />
    </>
  );
}
