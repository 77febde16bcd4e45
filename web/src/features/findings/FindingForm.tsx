import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { z } from 'zod';
import { findingInput, findingUpdate } from '../../../../src/contracts/findings.ts';
import { gradeLabels, grades } from '../../../../src/vocabulary/grades.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { contractResolver, showServerErrors } from '../../components/form.ts';
import { OwnerInput } from '../members/OwnerInput.tsx';
import { findingsApi } from './api.ts';
import type { FindingDetail } from './finding-types.ts';

type Values = {
  ref: string;
  grade: z.infer<typeof findingInput>['grade'];
  requirements: string;
  statement: string;
  objectiveEvidence: string;
  area: string;
  ownerEmail: string;
};
const split = (s: string) =>
  s
    .split(/[;,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
const toInput = (v: Values) => ({
  ...v,
  requirements: split(v.requirements),
  ownerEmail: v.ownerEmail.trim() || null,
});
const toUpdate = ({ ref: _r, ...v }: Values) => toInput({ ...v, ref: '' });

/** The grade moves the deadlines and the lifecycle, so it changes only before work starts. */
export const gradeLocked = (status: string) => status !== 'open' && status !== 'noted';

/**
 * A finding recorded by hand on an audit, or one corrected as reported. The same contract schema checks
 * the fields here and on the server; the server's field messages land beside the same fields.
 */
export function FindingForm({
  org,
  auditRef,
  finding,
  onDone,
}: {
  org: string;
  auditRef: string;
  finding?: FindingDetail;
  onDone: () => void;
}) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<Values>({
    initialValues: {
      ref: '',
      grade: finding?.grade ?? 'minor',
      requirements: finding?.requirements.join(', ') ?? '',
      statement: finding?.statement ?? '',
      objectiveEvidence: finding?.objectiveEvidence ?? '',
      area: finding?.area ?? '',
      ownerEmail: finding?.owner?.email ?? '',
    },
    validate: finding ? contractResolver(findingUpdate, toUpdate) : contractResolver(findingInput, toInput),
  });
  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (!finding) return findingsApi.create(org, auditRef, toInput(v));
      const changed = Object.fromEntries(
        Object.entries(toUpdate(v)).filter(
          ([k, x]) => JSON.stringify(x) !== JSON.stringify(toUpdate(form.getInitialValues())[k as 'area']),
        ),
      );
      return findingsApi.update({ org, findingId: finding.id }, changed);
    },
    onSuccess: (f) => {
      void invalidateFindingWork(qc, org);
      notifications.show({ color: 'teal', message: finding ? `${f.ref} saved` : `${f.ref} recorded` });
      onDone();
      if (!finding) void navigate({ to: `/o/${org}/findings/${f.id}` });
    },
    onError: (e) => {
      showServerErrors(form, e);
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
    },
  });
  const locked = finding ? gradeLocked(finding.status) : false;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {!finding && (
          <TextInput label="Reference" placeholder="NC-01" required {...form.getInputProps('ref')} />
        )}
        <Select
          label="Grade"
          data={grades.map((g) => ({ value: g, label: gradeLabels[g] }))}
          allowDeselect={false}
          disabled={locked}
          description={
            locked
              ? 'The grade sets the deadlines and the steps, so it can change only before work starts; this finding has moved on.'
              : undefined
          }
          {...form.getInputProps('grade')}
        />
        <TextInput
          label="Requirements"
          description="Clauses or Annex A controls, separated by commas: 8.8, A.5.7"
          required
          {...form.getInputProps('requirements')}
          error={form.errors.requirements ?? form.errors['requirements.0']}
        />
        <Textarea label="Statement" autosize minRows={3} required {...form.getInputProps('statement')} />
        <Textarea
          label="Objective evidence"
          autosize
          minRows={2}
          {...form.getInputProps('objectiveEvidence')}
        />
        <TextInput label="Area" description="Process or site concerned" {...form.getInputProps('area')} />
        <OwnerInput
          value={form.values.ownerEmail}
          onChange={(e) => form.setFieldValue('ownerEmail', e)}
          error={form.errors.ownerEmail}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {finding ? 'Save finding' : 'Record finding'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
