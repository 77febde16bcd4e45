import { Anchor, Badge, Group, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { findingStatuses, type findingSummary, grades } from '../../../../src/contracts/findings.ts';
import { labelOf } from '../../../../src/vocabulary/labels.ts';
import type { PageArgs } from '../../api/client.ts';
import { EmptyState, ErrorNote, Loading, Pager } from '../../components/common.tsx';
import { colourOfGrade } from '../../components/grades.ts';
import { type FindingFilters, findingQueries } from './api.ts';

export type Finding = z.infer<typeof findingSummary>;
export const statusLabel = labelOf.findingStatus;

/** Findings with filters and sorting; the server pages, so thousands of rows stay light. */
export function FindingsTable({ org, audit, emptyHint }: { org: string; audit?: string; emptyHint: string }) {
  const [filters, setFilters] = useState({ grade: '', status: '', q: '', overdue: '', sort: 'ref' });
  const [groupBy, setGroupBy] = useState<'none' | 'grade' | 'status' | 'requirement'>('none');
  const [page, setPage] = useState(1);
  const query: FindingFilters & PageArgs = {
    page,
    pageSize: 100,
    sort: filters.sort as FindingFilters['sort'],
  };
  if (audit) query.audit = audit;
  if (filters.grade) query.grade = filters.grade as Finding['grade'];
  if (filters.status) query.status = filters.status as Finding['status'];
  if (filters.q) query.q = filters.q;
  if (filters.overdue) query.overdue = filters.overdue as 'true' | 'false';
  const list = useQuery(findingQueries.list(org, query));
  const set = (k: keyof typeof filters) => (v: string | null) => {
    setPage(1);
    setFilters((f) => ({ ...f, [k]: v ?? '' }));
  };
  return (
    <>
      <Group mb="sm" wrap="wrap" align="flex-end">
        <TextInput
          label="Search"
          placeholder="text or ref"
          value={filters.q}
          onChange={(e) => set('q')(e.currentTarget.value)}
          w={200}
        />
        <Select
          label="Grade"
          data={grades.map((g) => ({ value: g, label: labelOf.gradeShort(g) }))}
          clearable
          value={filters.grade || null}
          onChange={set('grade')}
          w={140}
        />
        <Select
          label="State"
          data={findingStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
          clearable
          value={filters.status || null}
          onChange={set('status')}
          w={190}
        />
        <Select
          label="Overdue"
          data={[
            { value: 'true', label: 'overdue' },
            { value: 'false', label: 'on time' },
          ]}
          clearable
          value={filters.overdue || null}
          onChange={set('overdue')}
          w={130}
        />
        <Select
          label="Sort by"
          data={[
            { value: 'ref', label: 'Reference' },
            { value: 'grade', label: 'Grade' },
            { value: 'status', label: 'State' },
            { value: 'capDueOn', label: 'CAP due' },
            { value: 'closeByOn', label: 'Close by' },
            { value: 'updatedAt', label: 'Last change' },
          ]}
          value={filters.sort}
          onChange={(v) => set('sort')(v ?? 'ref')}
          allowDeselect={false}
          w={150}
        />
        <Select
          label="Group by"
          data={[
            { value: 'none', label: 'No grouping' },
            { value: 'grade', label: 'Grade' },
            { value: 'requirement', label: 'Requirement' },
            { value: 'status', label: 'State' },
          ]}
          value={groupBy}
          onChange={(v) => setGroupBy((v as typeof groupBy) ?? 'none')}
          allowDeselect={false}
          w={160}
        />
      </Group>
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNote error={list.error} />
      ) : list.data?.items.length === 0 ? (
        <EmptyState title="No findings" hint={emptyHint} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="Findings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ref</Table.Th>
                {!audit && <Table.Th>Audit</Table.Th>}
                <Table.Th>Grade</Table.Th>
                <Table.Th>Requirements</Table.Th>
                <Table.Th>Statement</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>CAP due</Table.Th>
                <Table.Th>Evidence due</Table.Th>
                <Table.Th>Close by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grouped(list.data?.items ?? [], groupBy).map(({ group, f }) =>
                'header' in f ? (
                  <Table.Tr key={`group-${group}`} bg="gray.1">
                    <Table.Td colSpan={audit ? 9 : 10}>
                      <Text fw={700} size="sm">
                        {group} ({f.count})
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={`${group}-${f.id}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={4} wrap="nowrap">
                        <Anchor component={Link} to={`/o/${org}/findings/${f.id}`}>
                          {f.ref}
                        </Anchor>
                        {f.escalation.length > 0 && (
                          <Tooltip label={f.escalation.map((e) => e.message).join('\n')} multiline w={320}>
                            <IconAlertTriangle
                              size={16}
                              color="var(--mantine-color-orange-6)"
                              aria-label="Escalation warning"
                            />
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                    {!audit && <Table.Td>{f.auditRef}</Table.Td>}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge color={colourOfGrade(f.grade)} style={{ overflow: 'visible' }}>
                        {labelOf.gradeShort(f.grade)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{f.requirements.join(', ')}</Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" lineClamp={2}>
                        {f.statement}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={f.overdue ? 'red' : f.status === 'closed' ? 'teal' : 'gray'}
                      >
                        {statusLabel(f.status)}
                        {f.overdue ? ' · overdue' : ''}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{f.owner?.name ?? '—'}</Table.Td>
                    <Table.Td>{f.capDueOn ?? '—'}</Table.Td>
                    <Table.Td>{f.evidenceDueOn ?? '—'}</Table.Td>
                    <Table.Td>{f.closeByOn ?? '—'}</Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && (
        <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />
      )}
    </>
  );
}

type Row = { group: string; f: Finding | { header: true; count: number } };

/** Rows with group headers; a finding citing several requirements appears under each of them. */
function grouped(items: Finding[], by: 'none' | 'grade' | 'status' | 'requirement'): Row[] {
  if (by === 'none') return items.map((f) => ({ group: '', f }));
  const groups = new Map<string, Finding[]>();
  for (const f of items) {
    const keys =
      by === 'requirement'
        ? f.requirements
        : [by === 'grade' ? labelOf.gradeShort(f.grade) : statusLabel(f.status)];
    for (const k of keys) groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const order =
    by === 'grade'
      ? [...grades]
      : [...groups.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return order
    .filter((k) => groups.has(k))
    .flatMap((k) => [
      { group: k, f: { header: true as const, count: groups.get(k)!.length } },
      ...groups.get(k)!.map((f) => ({ group: k, f })),
    ]);
}
