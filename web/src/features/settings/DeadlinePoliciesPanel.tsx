import {
  Accordion,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { deadlinePolicy } from '../../../../src/contracts/findings.ts';
import type { Grade } from '../../../../src/vocabulary/grades.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { ErrorNote, Loading } from '../../components/common.tsx';
import { auditQueries, auditsApi } from '../audits/api.ts';

type Policy = z.infer<typeof deadlinePolicy>;
// The grades a certification body usually sets deadlines for (the policy accepts every grade).
const gradeRows = ['major', 'minor', 'ofi'] as const satisfies readonly Grade[];
const dayFields = [
  { key: 'capDays', label: 'CAP' },
  { key: 'evidenceDays', label: 'Evidence' },
  { key: 'closeDays', label: 'Closure' },
] as const;

/** Deadline policies are data: certification bodies differ, so administrators tune or add them. */
export function DeadlinePoliciesPanel({ org, editable }: { org: string; editable: boolean }) {
  const list = useQuery(auditQueries.policies(org));
  const [newKey, setNewKey] = useState('');
  const blank: Policy = {
    key: '',
    name: '',
    preset: false,
    definition: {
      dayKind: 'calendar',
      anchor: 'audit_end',
      stage2MajorLimitMonths: 6,
      grades: {},
      notes: '',
    },
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Deadline policies
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Days after the policy's anchor: the last day of the audit (default), the closing meeting, or the day
        the report is received. Empty means no deadline for that step. Audits name the policy they follow;
        editing one moves the deadlines of its open findings when their audit is next updated.
      </Text>
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNote error={list.error} />
      ) : (
        <Accordion variant="separated">
          {list.data?.map((p) => (
            <Accordion.Item key={p.key} value={p.key}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={600}>{p.name}</Text>
                  <Badge variant="light">{p.key}</Badge>
                  {p.preset && <Badge color="gray">preset</Badge>}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <PolicyEditor org={org} policy={p} editable={editable} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      {editable && (
        <Group mt="md" align="flex-end">
          <TextInput
            label="New policy key"
            placeholder="cb-acme-30-60"
            value={newKey}
            onChange={(e) => setNewKey(e.currentTarget.value.toLowerCase())}
            w={240}
          />
          {newKey.length >= 2 && (
            <PolicyEditor org={org} policy={{ ...blank, key: newKey, name: newKey }} editable compact />
          )}
        </Group>
      )}
    </Card>
  );
}

function PolicyEditor({
  org,
  policy,
  editable,
  compact,
}: {
  org: string;
  policy: Policy;
  editable: boolean;
  compact?: boolean;
}) {
  const qc = useQueryClient();
  const [p, setP] = useState(policy);
  const save = useMutation({
    mutationFn: () =>
      auditsApi.savePolicy(org, p.key, {
        name: p.name,
        definition: p.definition,
      }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: `Policy ${p.key} saved` });
      void invalidate(qc, org, 'deadline-policies');
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
  });
  const setDays = (
    g: (typeof gradeRows)[number],
    k: (typeof dayFields)[number]['key'],
    v: number | string,
  ) => {
    const days = typeof v === 'number' ? v : null;
    setP({
      ...p,
      definition: {
        ...p.definition,
        grades: { ...p.definition.grades, [g]: { ...p.definition.grades[g], [k]: days } },
      },
    });
  };
  return (
    <Stack gap="xs" w={compact ? 560 : undefined}>
      <TextInput
        label="Name"
        value={p.name}
        onChange={(e) => setP({ ...p, name: e.currentTarget.value })}
        disabled={!editable}
      />
      <SegmentedControl
        aria-label="Day kind"
        data={[
          { value: 'calendar', label: 'Calendar days' },
          { value: 'working', label: 'Working days' },
        ]}
        value={p.definition.dayKind}
        onChange={(v) =>
          setP({ ...p, definition: { ...p.definition, dayKind: v as 'calendar' | 'working' } })
        }
        disabled={!editable}
      />
      <Select
        label="Deadlines count from"
        data={[
          { value: 'audit_end', label: 'Last day of the audit' },
          { value: 'closing_meeting', label: 'Closing meeting' },
          { value: 'report_received', label: 'Report received' },
        ]}
        value={p.definition.anchor}
        onChange={(v) =>
          v && setP({ ...p, definition: { ...p.definition, anchor: v as Policy['definition']['anchor'] } })
        }
        allowDeselect={false}
        disabled={!editable}
        w={260}
      />
      <Table aria-label={`Days of ${p.key}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Grade</Table.Th>
            {dayFields.map((f) => (
              <Table.Th key={f.key}>{f.label}</Table.Th>
            ))}
            <Table.Th>Verified at next audit</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gradeRows.map((g) => (
            <Table.Tr key={g}>
              <Table.Td>{g}</Table.Td>
              {dayFields.map((f) => (
                <Table.Td key={f.key}>
                  <NumberInput
                    aria-label={`${f.label} days for ${g}`}
                    min={0}
                    max={3650}
                    size="xs"
                    w={90}
                    value={p.definition.grades[g]?.[f.key] ?? ''}
                    onChange={(v) => setDays(g, f.key, v)}
                    disabled={!editable}
                  />
                </Table.Td>
              ))}
              <Table.Td>
                <Checkbox
                  aria-label={`${g}: only a plan is due, implementation verified at the next audit`}
                  checked={p.definition.grades[g]?.verifiedAtNextAudit === true}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    const grade = { ...p.definition.grades[g], verifiedAtNextAudit: on };
                    if (on) Object.assign(grade, { evidenceDays: null, closeDays: null });
                    setP({
                      ...p,
                      definition: { ...p.definition, grades: { ...p.definition.grades, [g]: grade } },
                    });
                  }}
                  disabled={!editable}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Textarea
        label="Notes"
        autosize
        value={p.definition.notes}
        onChange={(e) => setP({ ...p, definition: { ...p.definition, notes: e.currentTarget.value } })}
        disabled={!editable}
      />
      {editable && (
        <Button w="fit-content" onClick={() => save.mutate()} loading={save.isPending}>
          Save policy
        </Button>
      )}
    </Stack>
  );
}
