import { Button, Group, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type correctiveAction,
  correctiveActionInput,
  correctiveActionUpdate,
} from '../../../../src/contracts/corrective-actions.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { contractResolver, showServerErrors } from '../../components/form.ts';
import { OwnerInput } from '../members/OwnerInput.tsx';
import { findingsApi } from './api.ts';

type Action = z.infer<typeof correctiveAction>;
type Values = { title: string; ownerEmail: string; dueOn: string; effortDays: number | string };
const toBody = (v: Values) => ({
  title: v.title,
  ownerEmail: v.ownerEmail.trim() || null,
  dueOn: v.dueOn || null,
  effortDays: v.effortDays === '' ? null : Number(v.effortDays),
});
const blank: Values = { title: '', ownerEmail: '', dueOn: '', effortDays: '' };

/** A corrective action (10.1 c) added to a finding, or one corrected: title, owner, due date, effort. */
export function ActionForm({
  org,
  findingId,
  action,
  onDone,
}: {
  org: string;
  findingId: string;
  action?: Action;
  onDone?: () => void;
}) {
  const qc = useQueryClient();
  const form = useForm<Values>({
    initialValues: action
      ? {
          title: action.title,
          ownerEmail: action.owner?.email ?? '',
          dueOn: action.dueOn ?? '',
          effortDays: action.effortDays ?? '',
        }
      : blank,
    validate: contractResolver(action ? correctiveActionUpdate : correctiveActionInput, toBody),
  });
  const one = { org, findingId };
  const save = useMutation({
    mutationFn: (v: Values) =>
      action
        ? findingsApi.updateAction({ ...one, actionId: action.id }, toBody(v))
        : findingsApi.addAction(one, toBody(v)),
    onSuccess: (a) => {
      if (!action) form.setValues(blank);
      notifications.show({ color: 'teal', message: action ? `“${a.title}” saved` : `“${a.title}” added` });
      void invalidateFindingWork(qc, org);
      onDone?.();
    },
    onError: (e) => {
      showServerErrors(form, e);
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <SimpleGrid cols={{ base: 1, sm: action ? 1 : 2, md: action ? 1 : 4 }} mb="sm">
        <TextInput
          label={action ? 'Title' : 'New corrective action'}
          required
          {...form.getInputProps('title')}
        />
        <OwnerInput
          value={form.values.ownerEmail}
          onChange={(e) => form.setFieldValue('ownerEmail', e)}
          error={form.errors.ownerEmail}
        />
        <TextInput label="Due date" type="date" {...form.getInputProps('dueOn')} />
        <NumberInput
          label="Effort (working days)"
          min={0}
          max={1000}
          step={0.5}
          decimalScale={1}
          {...form.getInputProps('effortDays')}
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending}>
          {action ? 'Save action' : 'Add action'}
        </Button>
      </Group>
    </form>
  );
}
