import { Button, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { taskInput } from '../../../../src/contracts/planning.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { contractResolver, showServerErrors } from '../../components/form.ts';
import { OwnerInput } from '../members/OwnerInput.tsx';
import { planApi } from './api.ts';
import type { Plan } from './model.ts';

type Values = {
  title: string;
  description: string;
  findingId: string;
  ownerEmail: string;
  effortDays: number | string;
  dueOn: string;
  earliestStart: string;
};
const toBody = (v: Values) => ({
  title: v.title,
  description: v.description,
  findingId: v.findingId || null,
  ownerEmail: v.ownerEmail.trim() || null,
  effortDays: v.effortDays === '' ? Number.NaN : Number(v.effortDays),
  dueOn: v.dueOn || null,
  earliestStart: v.earliestStart || null,
});

/** A free task of the plan: work that is not a corrective action (a review, a training), optionally for a finding. */
export function FreeTaskForm({ org, plan, onDone }: { org: string; plan: Plan; onDone: () => void }) {
  const qc = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      title: '',
      description: '',
      findingId: '',
      ownerEmail: '',
      effortDays: 1,
      dueOn: '',
      earliestStart: '',
    },
    validate: contractResolver(taskInput, toBody),
  });
  const create = useMutation({
    mutationFn: (v: Values) => planApi.createTask(org, toBody(v)),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: `Task “${form.values.title}” added to the plan` });
      void invalidate(qc, org, 'plan', 'posture');
      onDone();
    },
    onError: (e) => {
      showServerErrors(form, e);
      notifications.show({ color: 'red', title: 'Not added', message: errorMessage(e) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Select
          label="For finding"
          placeholder="none (general work)"
          clearable
          data={plan.findings.map((f) => ({ value: f.id, label: `${f.auditRef} · ${f.ref}` }))}
          value={form.values.findingId || null}
          onChange={(v) => form.setFieldValue('findingId', v ?? '')}
        />
        <OwnerInput
          value={form.values.ownerEmail}
          onChange={(e) => form.setFieldValue('ownerEmail', e)}
          error={form.errors.ownerEmail}
        />
        <NumberInput
          label="Effort (working days)"
          required
          min={0}
          max={1000}
          step={0.5}
          decimalScale={1}
          {...form.getInputProps('effortDays')}
        />
        <TextInput label="Not before" type="date" {...form.getInputProps('earliestStart')} />
        <TextInput label="Due date" type="date" {...form.getInputProps('dueOn')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Add task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
