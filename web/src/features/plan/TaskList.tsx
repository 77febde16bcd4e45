import { Badge, Group, MultiSelect, Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { plural } from '../../../../src/vocabulary/labels.ts';
import { actionStatusLabels } from '../../../../src/vocabulary/statuses.ts';
import { type Forecast, formatDay, type Plan } from './model.ts';

/** All tasks with filters: owner, finding, status, critical or late only, and free text. */
export function TaskList({
  plan,
  forecast,
  onOpen,
}: {
  plan: Plan;
  forecast: Forecast;
  onOpen: (id: string) => void;
}) {
  const [text, setText] = useState('');
  const [owners, setOwners] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [finding, setFinding] = useState<string | null>(null);
  const [criticalOnly, setCriticalOnly] = useState(false);
  const [lateOnly, setLateOnly] = useState(false);
  const at = useMemo(() => new Map(forecast.tasks.map((t) => [t.id, t])), [forecast]);
  const rows = plan.tasks.filter((t) => {
    const f = at.get(t.id);
    if (text && !t.title.toLowerCase().includes(text.toLowerCase())) return false;
    if (owners.length && !owners.includes(t.owner?.id ?? 'none')) return false;
    if (status && t.status !== status) return false;
    if (finding && t.finding?.id !== finding) return false;
    if (criticalOnly && !f?.critical) return false;
    if (lateOnly && !(f && f.marginDays !== null && f.marginDays < 0)) return false;
    return true;
  });
  return (
    <>
      <Group mb="sm" align="flex-end">
        <TextInput label="Search" value={text} onChange={(e) => setText(e.currentTarget.value)} w={200} />
        <MultiSelect
          label="Owner"
          w={240}
          value={owners}
          onChange={setOwners}
          data={[
            { value: 'none', label: 'Unassigned' },
            ...plan.people.map((p) => ({ value: p.id, label: p.name })),
          ]}
          clearable
        />
        <Select
          label="Finding"
          w={160}
          value={finding}
          onChange={setFinding}
          clearable
          data={plan.findings.map((f) => ({ value: f.id, label: `${f.auditRef} ${f.ref}` }))}
        />
        <Select
          label="Status"
          w={150}
          value={status}
          onChange={setStatus}
          clearable
          data={(['open', 'in_progress', 'done'] as const).map((s) => ({
            value: s,
            label: actionStatusLabels[s],
          }))}
        />
        <Switch
          label="Critical chain"
          checked={criticalOnly}
          onChange={(e) => setCriticalOnly(e.currentTarget.checked)}
        />
        <Switch label="Late" checked={lateOnly} onChange={(e) => setLateOnly(e.currentTarget.checked)} />
      </Group>
      <Table.ScrollContainer minWidth={900} maxHeight={560}>
        <Table striped highlightOnHover stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th>Finding</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Effort</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Start</Table.Th>
              <Table.Th>Finish</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Margin</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, 500).map((t) => {
              const f = at.get(t.id);
              return (
                <Table.Tr key={t.id} onClick={() => onOpen(t.id)} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm">{t.title}</Text>
                      {f?.critical && (
                        <Badge size="xs" color="red">
                          critical
                        </Badge>
                      )}
                      {t.unreadComments > 0 && (
                        <Badge size="xs" color="blue">
                          {t.unreadComments} unread
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t.finding ? `${t.finding.ref}` : '—'}</Table.Td>
                  <Table.Td>{t.owner?.name ?? 'Unassigned'}</Table.Td>
                  <Table.Td>{t.estimated ? `${t.effortDays} d` : '1 d (assumed)'}</Table.Td>
                  <Table.Td>{actionStatusLabels[t.status]}</Table.Td>
                  <Table.Td>{f ? formatDay(f.startOn) : '—'}</Table.Td>
                  <Table.Td>{f ? formatDay(f.finishOn) : '—'}</Table.Td>
                  <Table.Td>{f?.dueOn ? formatDay(f.dueOn) : '—'}</Table.Td>
                  <Table.Td c={f && f.marginDays !== null && f.marginDays < 0 ? 'red' : undefined}>
                    {f?.marginDays ?? '—'}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={4}>
        {plural(rows.length, 'task')}
        {rows.length > 500 ? ', the first 500 shown: narrow the filters' : ''}. Margin: working days between
        the forecast finish and the date the task must meet.
      </Text>
    </>
  );
}
