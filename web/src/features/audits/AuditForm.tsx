import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { z } from 'zod';
import { auditInput, auditTypes, auditUpdate, recommendations } from '../../../../src/contracts/findings.ts';
import { labelOf } from '../../../../src/vocabulary/labels.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { contractResolver, showServerErrors } from '../../components/form.ts';
import { type Audit, auditQueries, auditsApi } from './api.ts';

type AuditInput = z.input<typeof auditInput>;
type Values = Omit<
  AuditInput,
  'leadAuditor' | 'reportReceivedOn' | 'recommendation' | 'policyKey' | 'endsOn'
> & {
  leadAuditor: string;
  reportReceivedOn: string;
  recommendation: string;
  policyKey: string;
  endsOn: string;
};
const toAuditInput = (v: Values): AuditInput => ({
  ...v,
  leadAuditor: v.leadAuditor || null,
  reportReceivedOn: v.reportReceivedOn || null,
  endsOn: v.endsOn || null,
  recommendation: (v.recommendation || null) as AuditInput['recommendation'],
  // Empty: the organisation's default policy (cb-90 on a new organisation).
  policyKey: v.policyKey || undefined,
});
const toUpdate = ({ ref: _r, ...v }: Values) => {
  const { ref: _x, ...rest } = toAuditInput({ ...v, ref: '' });
  return rest;
};
const recommendationLabel = labelOf.recommendation;

/** A new audit, or the details of one corrected (its reference stays: findings and reports cite it). */
export function AuditForm({ onDone, audit }: { onDone: () => void; audit?: Audit }) {
  const org = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const policies = useQuery(auditQueries.policies(org.slug));
  const form = useForm<Values>({
    initialValues: {
      ref: audit?.ref ?? '',
      type: audit?.type ?? 'stage2',
      certificationBody: audit?.certificationBody ?? '',
      leadAuditor: audit?.leadAuditor ?? '',
      reportReceivedOn: audit?.reportReceivedOn ?? '',
      recommendation: audit?.recommendation ?? '',
      policyKey: audit?.policyKey ?? '',
      endsOn: audit?.endsOn ?? '',
      scope: audit?.scope ?? '',
    },
    validate: audit ? contractResolver(auditUpdate, toUpdate) : contractResolver(auditInput, toAuditInput),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      audit
        ? auditsApi.update(org.slug, audit.ref, toUpdate(v))
        : auditsApi.create(org.slug, toAuditInput(v)),
    onSuccess: (a) => {
      void invalidateFindingWork(qc, org.slug);
      onDone();
      if (audit) notifications.show({ color: 'teal', message: `Audit ${a.ref} saved` });
      else void navigate({ to: `/o/${org.slug}/audits/${encodeURIComponent(a.ref)}` });
    },
    onError: (e) => {
      showServerErrors(form, e);
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {!audit && (
          <TextInput label="Reference" placeholder="S2-2026" {...form.getInputProps('ref')} required />
        )}
        <Select
          label="Type"
          data={auditTypes.map((t) => ({ value: t, label: labelOf.auditType(t) }))}
          {...form.getInputProps('type')}
          allowDeselect={false}
        />
        <TextInput label="Certification body" {...form.getInputProps('certificationBody')} required />
        <TextInput label="Lead auditor" {...form.getInputProps('leadAuditor')} />
        <TextInput
          type="date"
          label="Last day of the audit"
          description="Deadlines count from it under the default policy"
          {...form.getInputProps('endsOn')}
        />
        <TextInput label="Report received on" type="date" {...form.getInputProps('reportReceivedOn')} />
        <Select
          label="Auditor's recommendation"
          data={recommendations.map((r) => ({ value: r, label: recommendationLabel(r) }))}
          clearable
          {...form.getInputProps('recommendation')}
          value={form.values.recommendation || null}
          onChange={(r) => form.setFieldValue('recommendation', r ?? '')}
        />
        <Select
          label="Deadline policy"
          data={(policies.data ?? []).map((p) => ({ value: p.key, label: p.name }))}
          placeholder="the organisation's default"
          clearable={!audit}
          allowDeselect={!audit}
          {...form.getInputProps('policyKey')}
          value={form.values.policyKey || null}
          onChange={(p) => form.setFieldValue('policyKey', p ?? '')}
        />
        <Textarea label="Scope" autosize minRows={2} {...form.getInputProps('scope')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {audit ? 'Save audit' : 'Create audit'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
