import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type Risk,
  type RiskMatrixDto,
  riskTreatmentLabels,
  riskTreatments,
} from '../../../../src/contracts/isms-risks.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { risksApi } from './api.ts';

export interface ControlOption {
  value: string;
  label: string;
}

/** Creates a risk, or edits one when `risk` is given (ref cannot change: other records cite it). */
export function RiskForm({
  risk,
  matrix,
  controls,
  onDone,
}: {
  risk: Risk | null;
  matrix: RiskMatrixDto;
  controls: ControlOption[];
  onDone: () => void;
}) {
  const org = useOrg();
  const qc = useQueryClient();
  const [v, setV] = useState({
    ref: risk?.ref ?? '',
    title: risk?.title ?? '',
    asset: risk?.asset ?? '',
    threat: risk?.threat ?? '',
    vulnerability: risk?.vulnerability ?? '',
    owner: risk?.owner ?? '',
    inherent: { likelihood: risk?.inherent.likelihood ?? 3, impact: risk?.inherent.impact ?? 3 },
    residual: { likelihood: risk?.residual.likelihood ?? 2, impact: risk?.residual.impact ?? 2 },
    treatment: risk?.treatment ?? 'modify',
    treatmentPlan: risk?.treatmentPlan ?? '',
    controls: risk?.controls.map((c) => c.id) ?? [],
    reviewOn: risk?.reviewOn ?? '',
    approvedBy: risk?.treatmentApproval?.by ?? '',
    approvedOn: risk?.treatmentApproval?.on ?? '',
    acceptedBy: risk?.residualAcceptance?.by ?? '',
    acceptedOn: risk?.residualAcceptance?.on ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => {
      const { approvedBy, approvedOn, acceptedBy, acceptedOn, ...rest } = v;
      const sig = (by: string, on: string) => (by.trim() && on ? { by: by.trim(), on } : null);
      const body = {
        ...rest,
        reviewOn: v.reviewOn || null,
        treatmentApproval: sig(approvedBy, approvedOn),
        residualAcceptance: sig(acceptedBy, acceptedOn),
      };
      if (!risk) return risksApi.create(org.slug, body);
      const { ref: _r, ...changes } = body;
      return risksApi.update(org.slug, risk.ref, changes);
    },
    onSuccess: () => {
      void invalidate(qc, org.slug, 'risks', 'posture');
      onDone();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
    },
  });
  const text =
    (
      k:
        | 'ref'
        | 'title'
        | 'asset'
        | 'threat'
        | 'vulnerability'
        | 'owner'
        | 'treatmentPlan'
        | 'reviewOn'
        | 'approvedBy'
        | 'approvedOn'
        | 'acceptedBy'
        | 'acceptedOn',
    ) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setV({ ...v, [k]: e.currentTarget.value });
  const level = (which: 'inherent' | 'residual', axis: 'likelihood' | 'impact') => (
    <NumberInput
      label={`${which === 'inherent' ? 'Inherent' : 'Residual'} ${axis}`}
      min={1}
      max={axis === 'likelihood' ? matrix.likelihood.length : matrix.impact.length}
      value={v[which][axis]}
      onChange={(n) => setV({ ...v, [which]: { ...v[which], [axis]: Number(n) || 1 } })}
      description={(axis === 'likelihood' ? matrix.likelihood : matrix.impact)[v[which][axis] - 1]}
    />
  );
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
          disabled={risk !== null}
          error={errors.ref}
          required
        />
        <TextInput label="Risk" value={v.title} onChange={text('title')} error={errors.title} required />
        <TextInput label="Asset" value={v.asset} onChange={text('asset')} />
        <Textarea label="Threat" value={v.threat} onChange={text('threat')} autosize />
        <Textarea label="Vulnerability" value={v.vulnerability} onChange={text('vulnerability')} autosize />
        <TextInput label="Risk owner" value={v.owner} onChange={text('owner')} />
        <SimpleGrid cols={2}>
          {level('inherent', 'likelihood')}
          {level('inherent', 'impact')}
          {level('residual', 'likelihood')}
          {level('residual', 'impact')}
        </SimpleGrid>
        <Select
          label="Treatment"
          data={riskTreatments.map((t) => ({ value: t, label: riskTreatmentLabels[t] }))}
          value={v.treatment}
          onChange={(t) => t && setV({ ...v, treatment: t as typeof v.treatment })}
          allowDeselect={false}
        />
        <MultiSelect
          label="Annex A controls"
          data={controls}
          value={v.controls}
          onChange={(c) => setV({ ...v, controls: c })}
          searchable
        />
        <Textarea label="Treatment plan" value={v.treatmentPlan} onChange={text('treatmentPlan')} autosize />
        <TextInput label="Next review" type="date" value={v.reviewOn} onChange={text('reviewOn')} />
        {/* ISO/IEC 27001:2022 6.1.3 f: the risk owner approves the plan and accepts the residual risk. */}
        <SimpleGrid cols={2}>
          <TextInput
            label="Treatment plan approved by"
            description="the risk owner (6.1.3 f)"
            value={v.approvedBy}
            onChange={text('approvedBy')}
            error={errors.treatmentApproval}
          />
          <TextInput label="Approved on" type="date" value={v.approvedOn} onChange={text('approvedOn')} />
          <TextInput
            label="Residual risk accepted by"
            description="the risk owner (6.1.3 f)"
            value={v.acceptedBy}
            onChange={text('acceptedBy')}
            error={errors.residualAcceptance}
          />
          <TextInput label="Accepted on" type="date" value={v.acceptedOn} onChange={text('acceptedOn')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {risk ? 'Save risk' : 'Create risk'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
