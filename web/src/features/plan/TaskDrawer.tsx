import {
  Anchor,
  Autocomplete,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { taskUpdate } from '../../../../src/contracts/planning.ts';
import { plural } from '../../../../src/vocabulary/labels.ts';
import { errorMessage } from '../../api/client.ts';
import { planApi } from './api.ts';
import { Conversation } from './Conversation.tsx';
import { type Forecast, formatDay, type Plan, usePlanMutation } from './model.ts';

/** One task: its planning fields, its dependencies and its conversation. */
export function TaskDrawer({
  org,
  plan,
  forecast,
  taskId,
  onClose,
  canEdit,
  canComment,
}: {
  org: string;
  plan: Plan;
  forecast: Forecast;
  taskId: string | null;
  onClose: () => void;
  canEdit: boolean;
  canComment: boolean;
}) {
  const task = plan.tasks.find((t) => t.id === taskId);
  const at = forecast.tasks.find((t) => t.id === taskId);
  const [effort, setEffort] = useState<number | string>(1);
  const [owner, setOwner] = useState('');
  const [start, setStart] = useState<string | null>(null);
  const [serves, setServes] = useState<string | null>('evidence');
  const [pred, setPred] = useState<string | null>(null);
  useEffect(() => {
    if (!task) return;
    setEffort(task.effortDays);
    setOwner(task.owner?.email ?? '');
    setStart(task.earliestStart);
    setServes(task.serves);
  }, [task]);
  const save = usePlanMutation(org, () =>
    planApi.updateTask(org, taskId ?? '', {
      effortDays: Number(effort),
      ownerEmail: owner.trim() || null,
      earliestStart: start,
      serves: (serves ?? undefined) as z.input<typeof taskUpdate>['serves'],
    }),
  );
  const addDep = usePlanMutation(org, (p: string) =>
    planApi.addDependency(org, { predecessorId: p, successorId: taskId ?? '' }),
  );
  const removeDep = usePlanMutation(org, (id: string) => planApi.removeDependency(org, id));
  if (!task) return <Drawer opened={false} onClose={onClose} />;
  const deps = plan.dependencies.filter((d) => d.successorId === task.id);
  const title = (id: string) => plan.tasks.find((t) => t.id === id)?.title ?? 'a task outside this view';
  return (
    <Drawer opened={taskId !== null} onClose={onClose} position="right" size="lg" title={task.title}>
      <Stack gap="sm">
        <Group gap="xs">
          {task.finding && (
            <Anchor component={Link} to={`/o/${org}/findings/${task.finding.id}`}>
              {task.finding.auditRef} {task.finding.ref}
            </Anchor>
          )}
          <Badge variant="light">{task.kind === 'action' ? 'corrective action' : 'task'}</Badge>
          <Badge color="gray">{task.status.replace('_', ' ')}</Badge>
          {at?.critical && <Badge color="red">critical chain</Badge>}
        </Group>
        {at && (
          <Text size="sm">
            Forecast {formatDay(at.startOn)} – {formatDay(at.finishOn)} (
            {plural(at.durationDays, 'working day')}){at.dueOn && `, must finish by ${formatDay(at.dueOn)}`}
            {at.marginDays !== null &&
              (at.marginDays < 0
                ? `: ${plural(-at.marginDays, 'working day')} late`
                : `: ${plural(at.marginDays, 'working day')} to spare`)}
            .
          </Text>
        )}
        {task.description && (
          <Text size="sm" c="dimmed">
            {task.description}
          </Text>
        )}
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label="Effort (days)"
            value={effort}
            onChange={setEffort}
            min={0}
            max={1000}
            step={0.5}
            w={120}
            disabled={!canEdit}
          />
          <Autocomplete
            label="Owner (email)"
            value={owner}
            onChange={setOwner}
            data={plan.people.map((p) => p.email)}
            w={240}
            disabled={!canEdit}
          />
          <DatePickerInput
            label="Not before"
            value={start}
            onChange={(v) => setStart(v as string | null)}
            clearable
            w={150}
            disabled={!canEdit}
          />
          <Select
            label="Must meet"
            value={serves}
            onChange={setServes}
            w={200}
            disabled={!canEdit}
            data={[
              { value: 'cap', label: 'the CAP date' },
              { value: 'evidence', label: 'the evidence date' },
              { value: 'close', label: 'the closure date' },
            ]}
          />
        </Group>
        {canEdit && (
          <Group>
            <Button onClick={() => save.mutate(undefined)} loading={save.isPending}>
              Save
            </Button>
            {save.error && (
              <Text c="red" size="sm">
                {errorMessage(save.error)}
              </Text>
            )}
          </Group>
        )}
        <Divider label="Waits for" labelPosition="left" />
        {deps.length === 0 && (
          <Text size="sm" c="dimmed">
            No predecessor.
          </Text>
        )}
        {deps.map((d) => (
          <Group key={d.id} gap="xs">
            <Text size="sm">
              {title(d.predecessorId)}
              {d.lagDays ? ` (+${plural(d.lagDays, 'working day')})` : ''}
            </Text>
            {canEdit && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => removeDep.mutate(d.id)}>
                Remove
              </Button>
            )}
          </Group>
        ))}
        {canEdit && (
          <Group align="flex-end">
            <Select
              label="Add a predecessor"
              value={pred}
              onChange={setPred}
              searchable
              w={360}
              data={plan.tasks
                .filter((t) => t.id !== task.id)
                .map((t) => ({ value: t.id, label: t.finding ? `${t.finding.ref}: ${t.title}` : t.title }))}
            />
            <Button disabled={!pred} onClick={() => pred && addDep.mutate(pred)} loading={addDep.isPending}>
              Add
            </Button>
          </Group>
        )}
        {addDep.error && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(addDep.error)}
          </Text>
        )}
        <Divider label="Conversation" labelPosition="left" />
        <Conversation
          org={org}
          taskId={task.id}
          canComment={canComment}
          attachTo={task.finding ? { findingId: task.finding.id, kind: task.kind } : null}
        />
      </Stack>
    </Drawer>
  );
}
