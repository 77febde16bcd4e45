import { Button, Card, Group, MultiSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { planApi } from './api.ts';
import { type Plan, usePlanMutation } from './model.ts';

/** Teams group people; the workload view shows a team's planned days against the sum of their capacity. */
export function TeamsPanel({ org, plan, canManage }: { org: string; plan: Plan; canManage: boolean }) {
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const people = plan.people.map((p) => ({ value: p.id, label: p.name }));
  const create = usePlanMutation(org, () =>
    planApi.addTeam(org, { name, memberIds: members }).then(() => {
      setName('');
      setMembers([]);
    }),
  );
  const update = usePlanMutation(org, (t: { id: string; name: string; memberIds: string[] }) =>
    planApi.updateTeam(org, t.id, { name: t.name, memberIds: t.memberIds }),
  );
  const remove = usePlanMutation(org, (id: string) => planApi.removeTeam(org, id));
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Teams
      </Title>
      <Stack gap="xs">
        {plan.teams.length === 0 && (
          <Text size="sm" c="dimmed">
            No team yet.
          </Text>
        )}
        {plan.teams.map((t) => (
          <Group key={t.id} align="flex-end">
            <Text size="sm" fw={600} w={160}>
              {t.name}
            </Text>
            <MultiSelect
              aria-label={`Members of ${t.name}`}
              data={people}
              value={t.memberIds}
              disabled={!canManage}
              w={420}
              onChange={(ids) => update.mutate({ id: t.id, name: t.name, memberIds: ids })}
            />
            {canManage && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(t.id)}>
                Delete
              </Button>
            )}
          </Group>
        ))}
        {canManage && (
          <Group align="flex-end">
            <TextInput
              label="New team"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={160}
            />
            <MultiSelect label="Members" data={people} value={members} onChange={setMembers} w={420} />
            <Button
              disabled={!name.trim()}
              onClick={() => create.mutate(undefined)}
              loading={create.isPending}
            >
              Add team
            </Button>
          </Group>
        )}
        {(create.error ?? update.error) && (
          <Text c="red" size="sm">
            {errorMessage(create.error ?? update.error)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
