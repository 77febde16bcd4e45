import { Badge, Button, Card, Group, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { z } from 'zod';
import type { taskUpdate } from '../../../../src/contracts/planning.ts';
import { planApi } from './api.ts';
import { type Forecast, formatDay, type Plan, usePlanMutation } from './model.ts';

const columns = [
  { status: 'open', title: 'To do', next: 'in_progress', nextLabel: 'Start' },
  { status: 'in_progress', title: 'In progress', next: 'done', nextLabel: 'Done' },
  { status: 'done', title: 'Done', next: 'in_progress', nextLabel: 'Reopen' },
] as const;

/** Kanban of the tasks by status; moving a card is a status change like any other (audited, notified). */
export function TaskBoard({
  org,
  plan,
  forecast,
  canEdit,
  onOpen,
}: {
  org: string;
  plan: Plan;
  forecast: Forecast;
  canEdit: boolean;
  onOpen: (id: string) => void;
}) {
  const at = new Map(forecast.tasks.map((t) => [t.id, t]));
  const move = usePlanMutation(org, (i: { id: string; status: string }) =>
    planApi.updateTask(org, i.id, { status: i.status as z.input<typeof taskUpdate>['status'] }),
  );
  return (
    <SimpleGrid cols={3}>
      {columns.map((c) => {
        const cards = plan.tasks.filter((t) => t.status === c.status);
        return (
          <Card key={c.status} withBorder bg="gray.0" padding="sm" aria-label={c.title}>
            <Title order={3} size="h5" mb="xs">
              {c.title} ({cards.length})
            </Title>
            <ScrollArea h={520}>
              <Stack gap="xs">
                {cards.slice(0, 200).map((t) => {
                  const f = at.get(t.id);
                  return (
                    <Card key={t.id} withBorder padding="xs" shadow="xs">
                      <Text size="sm" fw={500} style={{ cursor: 'pointer' }} onClick={() => onOpen(t.id)}>
                        {t.title}
                      </Text>
                      <Group gap={4} mt={4}>
                        {t.finding && (
                          <Badge size="xs" variant="light">
                            {t.finding.ref}
                          </Badge>
                        )}
                        {f?.critical && (
                          <Badge size="xs" color="red">
                            critical
                          </Badge>
                        )}
                        {f && (
                          <Text size="xs" c="dimmed">
                            ends {formatDay(f.finishOn)}
                          </Text>
                        )}
                      </Group>
                      <Group justify="space-between" mt={4}>
                        <Text size="xs">{t.owner?.name ?? 'Unassigned'}</Text>
                        {canEdit && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            loading={move.isPending}
                            onClick={() => move.mutate({ id: t.id, status: c.next })}
                          >
                            {c.nextLabel}
                          </Button>
                        )}
                      </Group>
                    </Card>
                  );
                })}
              </Stack>
            </ScrollArea>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
