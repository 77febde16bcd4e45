import { BarChart } from '@mantine/charts';
import {
  Button,
  Card,
  Chip,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { planApi } from './api.ts';
import { type Forecast, formatDay, type Plan, usePlanMutation } from './model.ts';
import { TeamsPanel } from './TeamsPanel.tsx';

/** Planned remediation days per person and week against what they can give, and their capacity settings. */
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function WorkloadView({
  org,
  plan,
  forecast,
  canManage,
}: {
  org: string;
  plan: Plan;
  forecast: Forecast;
  canManage: boolean;
}) {
  const [person, setPerson] = useState<string | null>(plan.people[0]?.id ?? null);
  const p = plan.people.find((x) => x.id === person);
  // A team's load is its members' summed week by week.
  const team = plan.teams.find((t) => `team:${t.id}` === person);
  const loads = forecast.workload.filter((w) =>
    team ? team.memberIds.includes(w.personId) : w.personId === person,
  );
  const weeks = new Map<string, { planned: number; capacity: number }>();
  for (const l of loads)
    for (const w of l.weeks) {
      const cur = weeks.get(w.weekStart) ?? { planned: 0, capacity: 0 };
      weeks.set(w.weekStart, {
        planned: cur.planned + w.plannedDays,
        capacity: cur.capacity + w.capacityDays,
      });
    }
  const data = [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, 26)
    .map(([week, w]) => ({
      week: formatDay(week),
      planned: Math.round(w.planned * 100) / 100,
      capacity: Math.round(w.capacity * 100) / 100,
    }));
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label="Person"
          value={person}
          onChange={setPerson}
          data={[
            ...plan.people.map((x) => ({ value: x.id, label: x.name })),
            ...plan.teams.map((t) => ({ value: `team:${t.id}`, label: `Team ${t.name}` })),
          ]}
          w={260}
        />
        {p && (
          <Text size="sm" c="dimmed">
            {Math.round(p.share * 100)}% of a working day
            {p.configured ? '' : ' (not set: a full day is assumed)'}, works{' '}
            {p.weekdays.map((d) => ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d]).join(', ')}
          </Text>
        )}
      </Group>
      {data.length > 0 && (
        <BarChart
          h={260}
          data={data}
          dataKey="week"
          withLegend
          series={[
            { name: 'planned', label: 'planned days', color: 'blue.6' },
            { name: 'capacity', label: 'available days', color: 'gray.4' },
          ]}
        />
      )}
      <TeamsPanel org={org} plan={plan} canManage={canManage} />
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          Capacity and time off
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Share of a day</Table.Th>
              <Table.Th>Time off</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.people.map((x) => (
              <PersonRow key={x.id} org={org} person={x} canManage={canManage} />
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

function PersonRow({
  org,
  person,
  canManage,
}: {
  org: string;
  person: Plan['people'][number];
  canManage: boolean;
}) {
  const [share, setShare] = useState<number | string>(Math.round(person.share * 100));
  const [weekdays, setWeekdays] = useState<string[]>(person.weekdays.map(String));
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [reason, setReason] = useState('');
  const who = { org, userId: person.id };
  const save = usePlanMutation(org, () =>
    planApi.setCapacity(who, { share: Number(share) / 100, weekdays: weekdays.map(Number) }),
  );
  const addOff = usePlanMutation(org, () =>
    planApi.addTimeOff(who, { from: range[0] ?? '', to: range[1] ?? range[0] ?? '', reason }),
  );
  const removeOff = usePlanMutation(org, (id: string) => planApi.removeTimeOff({ ...who, timeOffId: id }));
  return (
    <Table.Tr>
      <Table.Td>{person.name}</Table.Td>
      <Table.Td>
        {canManage ? (
          <Group gap="xs">
            <NumberInput
              aria-label={`Share of ${person.name}`}
              value={share}
              onChange={setShare}
              min={5}
              max={100}
              suffix="%"
              w={90}
              size="xs"
            />
            <Chip.Group multiple value={weekdays} onChange={setWeekdays}>
              <Group gap={2} aria-label={`Working days of ${person.name}`}>
                {WEEKDAYS.map((d, i) => (
                  <Chip key={d} value={String(i + 1)} size="xs">
                    {d}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            <Button
              size="compact-xs"
              onClick={() => save.mutate(undefined)}
              loading={save.isPending}
              disabled={weekdays.length === 0}
            >
              Save
            </Button>
            {save.error && (
              <Text size="xs" c="red">
                {errorMessage(save.error)}
              </Text>
            )}
          </Group>
        ) : (
          `${Math.round(person.share * 100)}%`
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {person.timeOff.map((o) => (
            <Group key={o.id} gap="xs">
              <Text size="xs">
                {formatDay(o.from)} – {formatDay(o.to)} {o.reason}
              </Text>
              {canManage && (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => removeOff.mutate(o.id)}>
                  Remove
                </Button>
              )}
            </Group>
          ))}
          {canManage && (
            <Group gap="xs">
              <DatePickerInput
                type="range"
                size="xs"
                placeholder="Dates"
                value={range}
                onChange={(v) => setRange(v as [string | null, string | null])}
                w={200}
                aria-label={`Time off for ${person.name}`}
              />
              <TextInput
                size="xs"
                placeholder="Reason"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                w={120}
              />
              <Button size="compact-xs" disabled={!range[0]} onClick={() => addOff.mutate(undefined)}>
                Add
              </Button>
            </Group>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
