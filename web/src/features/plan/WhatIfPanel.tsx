import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { quantity, signedQuantity } from '../../../../src/vocabulary/units.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { ErrorNote, Loading } from '../../components/common.tsx';
import { planApi } from './api.ts';
import { ChangeForms } from './ChangeForms.tsx';
import { GanttChart } from './GanttChart.tsx';
import {
  type Comparison,
  createScenario,
  formatDay,
  type Plan,
  type PlanChange,
  statusColour,
  statusLabel,
  useComparison,
  usePlanMutation,
  useScenarioChanges,
  useScenarios,
} from './model.ts';

// What-if: a scenario is a list of changes forecast on a copy of the plan. The comparison shows, finding
// by finding, the current forecast beside the scenario's; applying writes the changes (all or nothing).

export function WhatIfPanel({
  org,
  plan,
  audit,
  scenarioId,
  setScenarioId,
  canManage,
}: {
  org: string;
  plan: Plan;
  audit: string | null;
  scenarioId: string | null;
  setScenarioId: (id: string | null) => void;
  canManage: boolean;
}) {
  const scenarios = useScenarios(org);
  const comparison = useComparison(org, scenarioId, audit);
  const changes = useScenarioChanges(org);
  const [name, setName] = useState('');
  const create = usePlanMutation(org, (n: string) => createScenario(org, n).then((s) => setScenarioId(s.id)));
  const decide = usePlanMutation(org, (verb: 'apply' | 'discard') =>
    planApi.settleScenario(org, scenarioId ?? '', verb).then(() => setScenarioId(null)),
  );
  const open = (scenarios.data?.items ?? []).filter((s) => s.status === 'open');
  const current = comparison.data?.scenario;
  const setChanges = (next: PlanChange[]) => scenarioId && changes.mutate({ scenarioId, changes: next });
  const people = (comparison.data?.people ?? plan.people).map((p) => ({ id: p.id, name: p.name }));
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label="Scenario"
          placeholder="Choose a scenario"
          value={scenarioId}
          onChange={setScenarioId}
          data={open.map((s) => ({ value: s.id, label: s.name }))}
          w={320}
          clearable
        />
        {canManage && (
          <>
            <TextInput
              label="New scenario"
              placeholder="e.g. Hire a contractor"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={260}
            />
            <Button
              onClick={() => {
                create.mutate(name.trim());
                setName('');
              }}
              disabled={!name.trim()}
              loading={create.isPending}
            >
              Create
            </Button>
          </>
        )}
      </Group>
      {!scenarioId && (
        <Text c="dimmed">Choose or create a scenario to try a change before committing to it.</Text>
      )}
      {scenarioId && comparison.isLoading && <Loading />}
      {comparison.error && <ErrorNote error={comparison.error} />}
      {current && comparison.data && (
        <>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Changes in “{current.name}”
            </Title>
            {current.changes.length === 0 && (
              <Text size="sm" c="dimmed">
                No change yet.
              </Text>
            )}
            <Stack gap={4}>
              {current.changes.map((c, i) => (
                <Group key={JSON.stringify([i, c])} gap="xs">
                  <Text size="sm">{describeChange(c, plan, comparison.data)}</Text>
                  {canManage && (
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove change ${i + 1}`}
                      onClick={() => setChanges(current.changes.filter((_, j) => j !== i))}
                    >
                      <IconX size={14} />
                    </ActionIcon>
                  )}
                </Group>
              ))}
            </Stack>
            {canManage && (
              <Stack mt="sm">
                <ChangeForms
                  plan={plan}
                  people={people}
                  onAdd={(c) => setChanges([...current.changes, ...c])}
                />
                {changes.error && (
                  <Text c="red" size="sm">
                    {errorMessage(changes.error)}
                  </Text>
                )}
              </Stack>
            )}
          </Card>
          <ComparisonTable data={comparison.data} />
          <GanttChart
            plan={plan}
            forecast={comparison.data.forecast}
            onDrag={
              canManage
                ? (d) => setChanges([...current.changes, dragChange(d, plan, comparison.data)])
                : undefined
            }
          />
          {canManage && (
            <Group>
              <Button
                color="teal"
                onClick={() => decide.mutate('apply')}
                loading={decide.isPending}
                disabled={current.changes.length === 0}
              >
                Apply to the plan
              </Button>
              <Button variant="default" onClick={() => decide.mutate('discard')}>
                Discard
              </Button>
              {decide.error && (
                <Text c="red" size="sm">
                  {decide.error instanceof ApiError ? decide.error.message : errorMessage(decide.error)}
                </Text>
              )}
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

function ComparisonTable({ data }: { data: Comparison }) {
  const better = data.proposed.atRisk < data.current.atRisk;
  return (
    <Card withBorder>
      <Group mb="xs">
        <Title order={3} size="h5">
          Current plan vs scenario
        </Title>
        {data.proposed.atRisk === 0 && data.current.atRisk > 0 && (
          <Alert color="teal" p={6}>
            Every deadline holds in this scenario
          </Alert>
        )}
      </Group>
      <Table aria-label="Scenario comparison">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Finding</Table.Th>
            <Table.Th>Current</Table.Th>
            <Table.Th>Scenario</Table.Th>
            <Table.Th>Shift</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td fw={600}>Whole plan</Table.Td>
            <Table.Td>
              {data.current.finishOn ? formatDay(data.current.finishOn) : '—'},{' '}
              {quantity(data.current.atRisk, 'finding')} at risk
            </Table.Td>
            <Table.Td c={better ? 'teal' : undefined}>
              {data.proposed.finishOn ? formatDay(data.proposed.finishOn) : '—'},{' '}
              {quantity(data.proposed.atRisk, 'finding')} at risk
            </Table.Td>
            <Table.Td>
              {signedQuantity(data.proposed.makespanDays - data.current.makespanDays, 'working_day')}
            </Table.Td>
          </Table.Tr>
          {data.findings
            .filter((f) => f.current.status !== 'no_open_tasks')
            .map((f) => (
              <Table.Tr key={f.id} data-testid={`compare-${f.ref}`}>
                <Table.Td>{f.ref}</Table.Td>
                <Table.Td>
                  <Badge color={statusColour[f.current.status]}>{statusLabel[f.current.status]}</Badge>{' '}
                  {f.current.finishOn && formatDay(f.current.finishOn)}
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColour[f.scenario.status]}>{statusLabel[f.scenario.status]}</Badge>{' '}
                  {f.scenario.finishOn && formatDay(f.scenario.finishOn)}
                </Table.Td>
                {/* The plan's length counts working days; a finding's finish date moves in calendar days. */}
                <Table.Td>
                  {f.shiftDays === null ? '—' : signedQuantity(f.shiftDays, 'calendar_day')}
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function dragChange(
  d: { taskId: string; kind: 'start' | 'estimate'; days: number },
  plan: Plan,
  data: Comparison,
): PlanChange {
  const at = data.forecast.tasks.find((t) => t.id === d.taskId)!;
  if (d.kind === 'start') {
    const date = new Date(Date.parse(`${at.startOn}T00:00:00Z`) + d.days * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return { kind: 'start', taskId: d.taskId, earliestStart: date };
  }
  const task = plan.tasks.find((t) => t.id === d.taskId)!;
  const share = data.people.find((p) => p.id === task.owner?.id)?.share ?? 1;
  return {
    kind: 'estimate',
    taskId: d.taskId,
    effortDays: Math.max(0, Math.round((task.effortDays + d.days * share) * 2) / 2),
  };
}

function describeChange(c: PlanChange, plan: Plan, data: Comparison): string {
  const task = (id: string) => plan.tasks.find((t) => t.id === id)?.title ?? id;
  const person = (id: string | null) => (id ? (data.people.find((p) => p.id === id)?.name ?? id) : 'nobody');
  switch (c.kind) {
    case 'add_person':
      return `Add ${c.name} at ${quantity(Math.round(c.share * 100), 'percent')} of a day`;
    case 'owner':
      return `${person(c.ownerId)} takes “${task(c.taskId)}”`;
    case 'estimate':
      return `“${task(c.taskId)}” takes ${quantity(c.effortDays, 'working_day')} of effort`;
    case 'capacity':
      return `${person(c.personId)} gives ${quantity(Math.round(c.share * 100), 'percent')} of a day`;
    case 'start':
      return `“${task(c.taskId)}” starts no earlier than ${c.earliestStart ?? 'any date'}`;
    case 'add_dependency':
      return `“${task(c.successorId)}” waits for “${task(c.predecessorId)}”`;
    case 'remove_dependency':
      return `“${task(c.successorId)}” no longer waits for “${task(c.predecessorId)}”`;
  }
}
