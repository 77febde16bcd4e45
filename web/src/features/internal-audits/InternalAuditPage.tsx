import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import type {
  checklistItem,
  internalAuditDetail,
} from '../../../../src/contracts/certification-internal-audits.ts';
import { checkResults, gradeLabels } from '../../../../src/vocabulary/grades.ts';
import { labelOf } from '../../../../src/vocabulary/labels.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { internalAuditKeys, internalAuditQueries, internalAuditsApi } from './api.ts';
import { statusColour } from './InternalAuditsPage.tsx';

type Detail = z.infer<typeof internalAuditDetail>;
type Item = z.infer<typeof checklistItem>;
const results = checkResults.map((value) => ({
  value,
  label: value === 'conform' ? 'Conform' : gradeLabels[value],
}));

export function InternalAuditPage() {
  const org = useOrg();
  const { auditRef } = useParams({ strict: false }) as { auditRef: string };
  const audit = useQuery({
    ...internalAuditQueries.detail(org.slug, auditRef),
  });
  if (audit.isLoading) return <Loading />;
  if (audit.isError || !audit.data) return <ErrorNote error={audit.error} />;
  const a = audit.data;
  return (
    <>
      <PageHeader
        title={`Internal audit ${a.ref}`}
        description={`${a.area} · planned ${a.plannedOn} · auditor ${a.auditor.email} · auditee ${a.auditee.email}`}
        actions={<Badge color={statusColour[a.status]}>{a.status.replace('_', ' ')}</Badge>}
      />
      {a.samplingNotes && (
        <Text size="sm" mb="sm">
          <b>Sampling:</b> {a.samplingNotes}
        </Text>
      )}
      <Stack>
        {a.checklist.map((item) => (
          <CheckCard key={item.id} audit={a} item={item} />
        ))}
      </Stack>
    </>
  );
}

function CheckCard({ audit, item }: { audit: Detail; item: Item }) {
  const org = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const check = { org: org.slug, auditRef: audit.ref, checkId: item.id };
  const [v, setV] = useState({ result: item.result, evidence: item.evidence, sampling: item.sampling });
  const [f, setF] = useState({ ref: '', statement: '', ownerEmail: audit.auditee.email });
  // The answer is the whole audit: it replaces the cached detail under the key the page reads it from,
  // and the programme (progress, nonconformity counts) is refetched.
  const done = (d: Detail) => {
    qc.setQueryData(internalAuditKeys.detail(org.slug, audit.ref), d);
    void qc.invalidateQueries({ queryKey: internalAuditKeys.part(org.slug, 'programme') });
  };
  const save = useMutation({
    mutationFn: () => internalAuditsApi.updateCheck(check, v),
    onSuccess: (d) => {
      done(d);
      notifications.show({ color: 'teal', title: 'Result recorded', message: item.requirement });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not recorded', message: errorMessage(e) }),
  });
  const raise = useMutation({
    mutationFn: () =>
      internalAuditsApi.raiseFinding(check, {
        ...f,
        ownerEmail: f.ownerEmail || null,
      }),
    onSuccess: (r) => {
      done(r.audit);
      void invalidateFindingWork(qc, org.slug);
      void navigate({ to: `/o/${org.slug}/findings/${r.findingId}` });
    },
    onError: (e) =>
      notifications.show({ color: 'red', title: 'Finding not raised', message: errorMessage(e) }),
  });
  const perform = can.performInternalAudits(org.role);
  const graded = item.result !== null && item.result !== 'conform';
  return (
    <Card withBorder aria-label={`Checklist item ${item.requirement}`}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h5">
            {item.requirement} {item.title}
          </Title>
          <Text size="sm">{item.question}</Text>
        </div>
        {item.checkedBy && (
          <Text size="xs" c="dimmed">
            {item.checkedBy}, {item.checkedOn}
          </Text>
        )}
      </Group>
      {item.followUp.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            Re-check earlier findings
          </Text>
          <List size="sm">
            {item.followUp.map((x) => (
              <List.Item key={x}>{x}</List.Item>
            ))}
          </List>
        </>
      )}
      <Group align="flex-end" mt="sm" grow>
        <Select
          label={`Result for ${item.requirement}`}
          data={results}
          value={v.result}
          onChange={(r) => setV({ ...v, result: r as Item['result'] })}
          disabled={!perform || item.finding !== null}
          clearable
        />
        <TextInput
          label={`Sample for ${item.requirement}`}
          value={v.sampling}
          onChange={(e) => setV({ ...v, sampling: e.currentTarget.value })}
          disabled={!perform}
        />
      </Group>
      <Textarea
        mt="xs"
        label={`Evidence for ${item.requirement}`}
        autosize
        minRows={2}
        value={v.evidence}
        onChange={(e) => setV({ ...v, evidence: e.currentTarget.value })}
        disabled={!perform}
      />
      {perform && (
        <Group justify="flex-end" mt="xs">
          <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
            Save result for {item.requirement}
          </Button>
        </Group>
      )}
      {item.finding ? (
        <Text size="sm" mt="xs">
          Finding{' '}
          <Anchor component={Link} to={`/o/${org.slug}/findings/${item.finding.id}`}>
            {item.finding.ref}
          </Anchor>{' '}
          ({labelOf.findingStatus(item.finding.status)})
        </Text>
      ) : (
        perform &&
        graded && (
          <Card withBorder mt="sm" padding="sm" bg="var(--mantine-color-gray-0)">
            <Text size="sm" fw={600}>
              Raise as a finding of {audit.ref}
            </Text>
            <Group grow align="flex-end">
              <TextInput
                label="Finding reference"
                value={f.ref}
                onChange={(e) => setF({ ...f, ref: e.currentTarget.value })}
              />
              <TextInput
                label="Owner (email)"
                value={f.ownerEmail}
                onChange={(e) => setF({ ...f, ownerEmail: e.currentTarget.value })}
              />
            </Group>
            <Textarea
              label="Nonconformity statement"
              autosize
              minRows={2}
              value={f.statement}
              onChange={(e) => setF({ ...f, statement: e.currentTarget.value })}
            />
            <Group justify="flex-end" mt="xs">
              <Button
                size="xs"
                color="red"
                disabled={!f.ref || !f.statement}
                loading={raise.isPending}
                onClick={() => raise.mutate()}
              >
                Raise finding
              </Button>
            </Group>
          </Card>
        )
      )}
    </Card>
  );
}
