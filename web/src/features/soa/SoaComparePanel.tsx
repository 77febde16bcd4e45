import { Card, Group, Select, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SoaVersionSummary } from '../../../../src/contracts/isms-soa.ts';
import { controlLabel } from '../../../../src/vocabulary/controls.ts';
import { ErrorNote, formatDateTime, Loading, useOrg } from '../../components/common.tsx';
import { soaQueries } from './api.ts';

const show = (v: unknown) =>
  v === null || v === undefined
    ? '—'
    : typeof v === 'string'
      ? v || '—'
      : Array.isArray(v)
        ? v.join(', ') || '—'
        : JSON.stringify(v);

/** Any two versions side by side: the field changes, then who made them and why. */
export function SoaComparePanel({ versions }: { versions: SoaVersionSummary[] }) {
  const org = useOrg();
  const numbers = versions.map((v) => String(v.number));
  const [from, setFrom] = useState<string | null>(numbers[1] ?? numbers[0] ?? null);
  const [to, setTo] = useState<string | null>(numbers[0] ?? null);
  const cmp = useQuery({
    ...soaQueries.compare(org.slug, Number(from), Number(to)),
    enabled: from !== null && to !== null,
  });
  return (
    <Card withBorder>
      <Group mb="sm">
        <Select
          label="From version"
          data={numbers}
          value={from}
          onChange={setFrom}
          w={140}
          allowDeselect={false}
        />
        <Select label="To version" data={numbers} value={to} onChange={setTo} w={140} allowDeselect={false} />
      </Group>
      {cmp.isLoading ? (
        <Loading />
      ) : cmp.isError ? (
        <ErrorNote error={cmp.error} />
      ) : cmp.data ? (
        <>
          <Title order={3} size="h5" mb="xs">
            {cmp.data.changes.length} change(s)
          </Title>
          <Table striped aria-label="Changes between versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Control</Table.Th>
                <Table.Th>Field</Table.Th>
                <Table.Th>Before</Table.Th>
                <Table.Th>After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cmp.data.changes.map((c) => (
                <Table.Tr key={`${c.controlId}-${c.field}`}>
                  <Table.Td>{c.controlId ? controlLabel(c.controlId) : 'Scope'}</Table.Td>
                  <Table.Td>{c.field}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={3}>
                      {c.field === 'scope' ? 'previous scope' : show(c.before)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={3}>
                      {c.field === 'scope' ? 'changed scope (see the ISMS scope tab)' : show(c.after)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h5" mt="md" mb="xs">
            Who changed what and why
          </Title>
          <Table aria-label="Change log">
            <Table.Tbody>
              {cmp.data.log.map((l) => (
                <Table.Tr key={`${l.at}-${l.controlId}`}>
                  <Table.Td>{formatDateTime(l.at)}</Table.Td>
                  <Table.Td>v{l.version}</Table.Td>
                  <Table.Td>{l.controlId ? controlLabel(l.controlId) : 'Scope'}</Table.Td>
                  <Table.Td>{l.fields.join(', ')}</Table.Td>
                  <Table.Td>{l.by}</Table.Td>
                  <Table.Td>{l.reason || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Card>
  );
}
