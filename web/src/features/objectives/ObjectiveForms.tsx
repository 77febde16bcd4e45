import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ObjectiveDto } from '../../../../src/contracts/isms-objectives.ts';
import { objectiveStatuses, objectiveStatusLabels } from '../../../../src/vocabulary/index.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { objectivesApi } from './api.ts';

// The forms of the objectives page: plan or edit an objective (6.2: measure and target, what will be
// done, resources, who, when, how results are evaluated), and record a result of its indicator.

const today = () => new Date().toISOString().slice(0, 10);

function useSave<T>(fn: () => Promise<T>, onDone: () => void, title: string) {
  const org = useOrg();
  const qc = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void invalidate(qc, org.slug, 'objectives', 'documents', 'management-reviews');
      notifications.show({ color: 'teal', title, message: 'Saved.' });
      onDone();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
    },
  });
  return { save, errors };
}

/** Plans an objective, or edits one when `objective` is given (and deletes it while nothing was measured). */
export function ObjectiveForm({ objective, onDone }: { objective: ObjectiveDto | null; onDone: () => void }) {
  const org = useOrg();
  const [v, setV] = useState({
    ref: objective?.ref ?? '',
    title: objective?.title ?? '',
    policy: objective?.policy ?? '',
    measure: objective?.measure ?? '',
    target: objective?.target ?? ('' as number | ''),
    direction: objective?.direction ?? 'at_least',
    unit: objective?.unit ?? '',
    plan: objective?.plan ?? '',
    resources: objective?.resources ?? '',
    owner: objective?.owner ?? '',
    dueOn: objective?.dueOn ?? '',
    evaluation: objective?.evaluation ?? '',
    status: objective?.status ?? 'planned',
  });
  const [confirming, setConfirming] = useState(false);
  const { save, errors } = useSave(
    () => {
      const body = { ...v, target: v.target === '' ? Number.NaN : Number(v.target), dueOn: v.dueOn || null };
      if (!objective) return objectivesApi.create(org.slug, body);
      const { ref: _r, ...changes } = body;
      return objectivesApi.update(org.slug, objective.ref, changes);
    },
    onDone,
    objective ? `Objective ${objective.ref} saved` : 'Objective added',
  );
  const { save: remove } = useSave(
    () => objectivesApi.remove(org.slug, objective!.ref),
    onDone,
    'Objective deleted',
  );
  const text =
    (
      k:
        | 'ref'
        | 'title'
        | 'policy'
        | 'measure'
        | 'unit'
        | 'plan'
        | 'resources'
        | 'owner'
        | 'dueOn'
        | 'evaluation',
    ) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setV({ ...v, [k]: e.currentTarget.value });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Reference"
          value={v.ref}
          onChange={text('ref')}
          disabled={objective !== null}
          error={errors.ref}
          required
        />
        <TextInput label="Objective" value={v.title} onChange={text('title')} error={errors.title} required />
        <TextInput label="Consistent with the policy (6.2 a)" value={v.policy} onChange={text('policy')} />
        <TextInput
          label="Measure (indicator)"
          description="how you will know it is met (6.2 b)"
          value={v.measure}
          onChange={text('measure')}
          error={errors.measure}
          required
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <NativeSelect
            label="Target is"
            data={[
              { value: 'at_least', label: 'at least' },
              { value: 'at_most', label: 'at most' },
            ]}
            value={v.direction}
            onChange={(e) => setV({ ...v, direction: e.currentTarget.value as 'at_least' | 'at_most' })}
          />
          <NumberInput
            label="Target"
            value={v.target}
            onChange={(n) => setV({ ...v, target: n === '' ? '' : Number(n) })}
            error={errors.target}
            decimalScale={6}
            required
          />
          <TextInput label="Unit" value={v.unit} onChange={text('unit')} placeholder="%" />
        </SimpleGrid>
        <Textarea label="What will be done" value={v.plan} onChange={text('plan')} autosize minRows={2} />
        <Textarea label="Resources required" value={v.resources} onChange={text('resources')} autosize />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label="Responsible" value={v.owner} onChange={text('owner')} />
          <TextInput
            label="Due on"
            type="date"
            value={v.dueOn}
            onChange={text('dueOn')}
            error={errors.dueOn}
          />
        </SimpleGrid>
        <Textarea
          label="How results are evaluated"
          value={v.evaluation}
          onChange={text('evaluation')}
          autosize
        />
        <NativeSelect
          label="Status"
          data={objectiveStatuses.map((s) => ({ value: s, label: objectiveStatusLabels[s] }))}
          value={v.status}
          onChange={(e) => setV({ ...v, status: e.currentTarget.value as typeof v.status })}
          error={errors.status}
        />
        <Group justify="space-between">
          {objective && objective.resultCount === 0 ? (
            <Button
              variant={confirming ? 'filled' : 'default'}
              color="red"
              loading={remove.isPending}
              onClick={() => (confirming ? remove.mutate() : setConfirming(true))}
            >
              {confirming ? 'Confirm delete' : 'Delete objective'}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={save.isPending}>
            {objective ? 'Save objective' : 'Add objective'}
          </Button>
        </Group>
        {objective && objective.resultCount > 0 && (
          <Text size="xs" c="dimmed">
            An objective with recorded results is kept as documented information (6.2): withdraw it instead of
            deleting it.
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** Records a result of the objective's indicator (6.2 d), with the latest results beneath. */
export function ResultForm({ objective, onDone }: { objective: ObjectiveDto; onDone: () => void }) {
  const org = useOrg();
  const [v, setV] = useState({ measuredOn: today(), value: '' as number | '', note: '' });
  const { save, errors } = useSave(
    () =>
      objectivesApi.record(org.slug, objective.ref, {
        ...v,
        value: v.value === '' ? Number.NaN : Number(v.value),
      }),
    onDone,
    `Result recorded on ${objective.ref}`,
  );
  return (
    <Stack>
      <Text size="sm">
        {objective.measure}: target {objective.targetText}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label="Measured on"
              type="date"
              value={v.measuredOn}
              onChange={(e) => setV({ ...v, measuredOn: e.currentTarget.value })}
              error={errors.measuredOn}
              required
            />
            <NumberInput
              label={`Value${objective.unit ? ` (${objective.unit})` : ''}`}
              value={v.value}
              onChange={(n) => setV({ ...v, value: n === '' ? '' : Number(n) })}
              error={errors.value}
              decimalScale={6}
              required
            />
          </SimpleGrid>
          <TextInput
            label="Note"
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Record result
            </Button>
          </Group>
        </Stack>
      </form>
      {objective.results.length > 0 && (
        <Table aria-label={`Results of ${objective.ref}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Measured on</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Target met</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {objective.results.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.measuredOn}</Table.Td>
                <Table.Td>
                  {r.value} {objective.unit}
                </Table.Td>
                <Table.Td>{r.meetsTarget ? 'yes' : 'no'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
