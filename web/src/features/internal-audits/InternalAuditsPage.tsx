import {
  Anchor,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { EmptyState, ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { internalAuditQueries, internalAuditsApi } from './api.ts';
import { VerificationPanel } from './InternalAuditVerification.tsx';

export const statusColour = { planned: 'gray', in_progress: 'blue', completed: 'teal' } as const;

export function InternalAuditsPage() {
  const org = useOrg();
  const programme = useQuery({
    ...internalAuditQueries.programme(org.slug),
  });
  const [opened, { open, close }] = useDisclosure(false);
  const p = programme.data;
  return (
    <>
      <PageHeader
        title="Internal audit programme"
        description="Clause 9.2: every requirement of clauses 4–10 and every applicable Annex A control audited over the certification cycle, by auditors independent of the area."
        actions={can.planInternalAudits(org.role) && <Button onClick={open}>Plan internal audit</Button>}
      />
      {programme.isLoading ? (
        <Loading />
      ) : programme.isError ? (
        <ErrorNote error={programme.error} />
      ) : p ? (
        <Stack>
          <Card withBorder>
            <Group justify="space-between">
              <Title order={2} size="h4">
                Coverage {p.from} – {p.to}
              </Title>
              <Text fw={600} aria-label="Programme coverage">
                {p.covered} of {p.total} requirements ({p.percent} %)
              </Text>
            </Group>
            <Progress value={p.percent} mt="xs" aria-hidden />
            <Text size="xs" c="dimmed" mt={4}>
              Basis: {p.basis}.
            </Text>
            {p.gaps.length > 0 && (
              <Text size="sm" mt="xs">
                Not yet audited:{' '}
                {p.gaps
                  .slice(0, 25)
                  .map((g) => g.ref)
                  .join(', ')}
                {p.gaps.length > 25 ? ` and ${p.gaps.length - 25} more` : ''}
              </Text>
            )}
            {p.gaps.some((g) => g.kind === 'own_control') && (
              <Text size="sm" mt="xs">
                Own controls (6.1.3 b) not yet audited:{' '}
                {p.gaps
                  .filter((g) => g.kind === 'own_control')
                  .map((g) => `${g.ref} ${g.title}`)
                  .join(', ')}
              </Text>
            )}
          </Card>
          <Card withBorder>
            {p.audits.length === 0 ? (
              <EmptyState
                title="No internal audit planned"
                hint="Plan the internal audits of the year from the gaps above."
              />
            ) : (
              <Table striped aria-label="Internal audits">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Audit</Table.Th>
                    <Table.Th>Area</Table.Th>
                    <Table.Th>Auditor / auditee</Table.Th>
                    <Table.Th>Planned</Table.Th>
                    <Table.Th>Results</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.audits.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/o/${org.slug}/internal-audits/${encodeURIComponent(a.ref)}`}
                        >
                          {a.ref}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{a.area}</Table.Td>
                      <Table.Td>
                        {a.auditor.email} / {a.auditee.email}
                      </Table.Td>
                      <Table.Td>{a.plannedOn}</Table.Td>
                      <Table.Td>
                        {a.progress.recorded} of {a.progress.total}
                        {a.progress.nonconformities > 0 && (
                          <Badge color="red" ml="xs">
                            {a.progress.nonconformities} NC
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={statusColour[a.status]}>{a.status.replace('_', ' ')}</Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <VerificationPanel />
        </Stack>
      ) : null}
      <Drawer opened={opened} onClose={close} title="Plan internal audit" position="right" size="md">
        <PlanForm onDone={close} />
      </Drawer>
    </>
  );
}

function PlanForm({ onDone }: { onDone: () => void }) {
  const org = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [v, setV] = useState({
    ref: '',
    area: '',
    auditorEmail: '',
    auditeeEmail: '',
    plannedOn: '',
    requirements: '',
    samplingNotes: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const plan = useMutation({
    mutationFn: () =>
      internalAuditsApi.create(org.slug, {
        ...v,
        requirements: v.requirements
          .split(/[,;\n]/)
          .map((r) => r.trim())
          .filter(Boolean),
      }),
    onSuccess: (a) => {
      void invalidate(qc, org.slug, 'internal-audits');
      onDone();
      void navigate({ to: `/o/${org.slug}/internal-audits/${encodeURIComponent(a.ref)}` });
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', title: 'Not planned', message: errorMessage(e) });
    },
  });
  const text = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setV({ ...v, [k]: e.currentTarget.value });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        plan.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Reference"
          placeholder="IA-2026-01"
          value={v.ref}
          onChange={text('ref')}
          error={errors.ref}
          required
        />
        <TextInput label="Audited area" value={v.area} onChange={text('area')} error={errors.area} required />
        <TextInput
          label="Auditor (email)"
          value={v.auditorEmail}
          onChange={text('auditorEmail')}
          error={errors.auditorEmail}
          required
        />
        <TextInput
          label="Auditee (email)"
          description="The person responsible for the area; never the auditor"
          value={v.auditeeEmail}
          onChange={text('auditeeEmail')}
          error={errors.auditeeEmail}
          required
        />
        <TextInput
          label="Planned on"
          type="date"
          value={v.plannedOn}
          onChange={text('plannedOn')}
          error={errors.plannedOn}
          required
        />
        <Textarea
          label="Requirements in scope"
          description="Clauses and controls, e.g. 9.2, A.8.8, A.5.15"
          autosize
          minRows={2}
          value={v.requirements}
          onChange={text('requirements')}
          error={
            errors.requirements ?? Object.entries(errors).find(([k]) => k.startsWith('requirements/'))?.[1]
          }
          required
        />
        <Textarea
          label="Sampling notes"
          autosize
          minRows={2}
          value={v.samplingNotes}
          onChange={text('samplingNotes')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={plan.isPending}>
            Plan and generate the checklist
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
