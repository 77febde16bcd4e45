import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  Select,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { auditActionLabel, plainWords } from '../../../../src/vocabulary/labels.ts';
import type { PageArgs } from '../../api/client.ts';
import {
  EmptyState,
  ErrorNote,
  formatDateTime,
  Loading,
  PageHeader,
  Pager,
  useOrg,
} from '../../components/common.tsx';
import { type AuditLogFilters, settingsApi, settingsQueries } from '../settings/api.ts';

const entityTypes = [
  'organisation',
  'membership',
  'invitation',
  'api_token',
  'user',
  'finding',
  'corrective_action',
  'evidence_file',
  'audit',
];

export function AuditTrailPage() {
  const org = useOrg();
  const [filters, setFilters] = useState({ action: '', entityType: '', actor: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const query: AuditLogFilters & PageArgs = { page, pageSize: 50 };
  for (const [k, v] of Object.entries(filters) as [keyof typeof filters, string][]) {
    if (v) query[k] = k === 'from' ? `${v}T00:00:00.000Z` : k === 'to' ? `${v}T23:59:59.999Z` : v;
  }
  const trail = useQuery(settingsQueries.auditLog(org.slug, query));
  const verify = useMutation({ mutationFn: () => settingsApi.verifyAuditLog(org.slug) });
  const set = (k: keyof typeof filters) => (v: string) => {
    setPage(1);
    setFilters((f) => ({ ...f, [k]: v }));
  };

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change and every sign-in, chained by SHA-256 hashes so that an altered, missing or reordered entry is detected."
        actions={
          <Button
            leftSection={<IconShieldCheck size={16} />}
            variant="light"
            onClick={() => verify.mutate()}
            loading={verify.isPending}
          >
            Verify chain
          </Button>
        }
      />
      {verify.data &&
        (verify.data.ok ? (
          <Alert color="teal" mb="md" title="Chain intact">
            All {verify.data.entries} entries match their hashes.
          </Alert>
        ) : (
          <Alert color="red" mb="md" title="Chain broken">
            Entry {verify.data.firstBroken?.seq}: {verify.data.firstBroken?.reason}
          </Alert>
        ))}
      <Card withBorder>
        <Group mb="md" wrap="wrap" align="flex-end">
          <TextInput
            label="Action starts with"
            placeholder="member."
            value={filters.action}
            onChange={(e) => set('action')(e.currentTarget.value)}
            w={180}
          />
          <Select
            label="Record type"
            data={entityTypes}
            clearable
            value={filters.entityType || null}
            onChange={(v) => set('entityType')(v ?? '')}
            w={180}
          />
          <TextInput
            label="Person (email)"
            value={filters.actor}
            onChange={(e) => set('actor')(e.currentTarget.value)}
            w={220}
          />
          <TextInput
            label="From"
            type="date"
            value={filters.from}
            onChange={(e) => set('from')(e.currentTarget.value)}
            w={160}
          />
          <TextInput
            label="To"
            type="date"
            value={filters.to}
            onChange={(e) => set('to')(e.currentTarget.value)}
            w={160}
          />
        </Group>
        {trail.isLoading ? (
          <Loading />
        ) : trail.isError ? (
          <ErrorNote error={trail.error} />
        ) : trail.data?.items.length === 0 ? (
          <EmptyState title="No entries match" hint="Clear a filter to see more of the trail." />
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped aria-label="Audit trail">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Record</Table.Th>
                  <Table.Th>Hash</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trail.data?.items.map((e) => (
                  <Fragment key={e.seq}>
                    <Table.Tr
                      onClick={() => setOpen(open === e.seq ? null : e.seq)}
                      style={{ cursor: 'pointer' }}
                    >
                      <Table.Td>
                        <UnstyledButton
                          aria-expanded={open === e.seq}
                          aria-label={`Entry ${e.seq}: ${open === e.seq ? 'hide' : 'show'} details`}
                          onClick={(ev) => {
                            ev.stopPropagation();
                            setOpen(open === e.seq ? null : e.seq);
                          }}
                          fz="sm"
                        >
                          {e.seq}
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td>{formatDateTime(e.at)}</Table.Td>
                      <Table.Td>{e.actor}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{auditActionLabel(e.action)}</Text>
                        <Code>{e.action}</Code>
                      </Table.Td>
                      <Table.Td>{plainWords(e.entityType)}</Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace">
                          {e.hash.slice(0, 12)}…
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                    {open === e.seq && (
                      <Table.Tr>
                        <Table.Td colSpan={6}>
                          <Code block>
                            {JSON.stringify({ entityId: e.entityId, data: e.data, hash: e.hash }, null, 2)}
                          </Code>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {trail.data && (
          <Pager page={page} pageSize={trail.data.pageSize} total={trail.data.total} onChange={setPage} />
        )}
      </Card>
    </>
  );
}
