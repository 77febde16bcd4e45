import {
  Anchor,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import type { Paged } from '../../../src/contracts/common.ts';
import {
  type auditSummary,
  auditTypes,
  type deadlinePolicy,
  recommendations,
} from '../../../src/contracts/findings.ts';
import { ApiError, errorMessage, get, post } from '../api.ts';
import { EmptyState, ErrorNote, Loading, PageHeader, useOrg } from '../components/common.tsx';
import { can } from '../permissions.ts';

export type Audit = z.infer<typeof auditSummary>;
export const recommendationLabel = (r: string | null) => (r ? r.replaceAll('_', ' ') : 'not given');
export const impliedColour = {
  recommended: 'teal',
  recommended_upon_action_plan: 'yellow',
  not_recommended: 'red',
} as const;

export function AuditsPage() {
  const org = useOrg();
  const audits = useQuery({
    queryKey: ['audits', org.slug],
    queryFn: () => get<Paged<Audit>>(`/api/v1/orgs/${org.slug}/audits?pageSize=100`),
  });
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Audits & findings"
        description="Each audit with the recommendation the auditor gave and the one its open findings imply, and the next deadline."
        actions={can.manageFindings(org.role) && <Button onClick={open}>New audit</Button>}
      />
      <Card withBorder>
        {audits.isLoading ? (
          <Loading />
        ) : audits.isError ? (
          <ErrorNote error={audits.error} />
        ) : audits.data?.items.length === 0 ? (
          <EmptyState
            title="No audits yet"
            hint="Create the audit whose report you received, then import its nonconformity report."
          />
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label="Audits">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Audit</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Certification body</Table.Th>
                  <Table.Th>Auditor's recommendation</Table.Th>
                  <Table.Th>Implied now</Table.Th>
                  <Table.Th>Open / major / minor / OFI</Table.Th>
                  <Table.Th>Next deadline</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {audits.data?.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/o/${org.slug}/audits/${encodeURIComponent(a.ref)}`}>
                        {a.ref}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.type}</Table.Td>
                    <Table.Td>{a.certificationBody}</Table.Td>
                    <Table.Td>{recommendationLabel(a.recommendation)}</Table.Td>
                    <Table.Td>
                      {a.impliedRecommendation ? (
                        <Badge color={impliedColour[a.impliedRecommendation.implied]}>
                          {recommendationLabel(a.impliedRecommendation.implied)}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          none: closed by the organisation
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.counts.open} / {a.counts.major} / {a.counts.minor} / {a.counts.ofi}
                      {a.counts.overdue > 0 && (
                        <Badge color="red" ml="xs">
                          {a.counts.overdue} overdue
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.nextDeadline ? `${a.nextDeadline.kind.toUpperCase()} ${a.nextDeadline.on}` : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Drawer opened={opened} onClose={close} title="New audit" position="right" size="md">
        <NewAuditForm onDone={close} />
      </Drawer>
    </>
  );
}

function NewAuditForm({ onDone }: { onDone: () => void }) {
  const org = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const policies = useQuery({
    queryKey: ['policies', org.slug],
    queryFn: () => get<z.infer<typeof deadlinePolicy>[]>(`/api/v1/orgs/${org.slug}/deadline-policies`),
  });
  const [v, setV] = useState({
    ref: '',
    type: 'stage2',
    certificationBody: '',
    leadAuditor: '',
    reportReceivedOn: '',
    recommendation: '',
    // Empty: the organisation's default policy (cb-90 on a new organisation).
    policyKey: '',
    endsOn: '',
    scope: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      post<Audit>(`/api/v1/orgs/${org.slug}/audits`, {
        ...v,
        leadAuditor: v.leadAuditor || null,
        reportReceivedOn: v.reportReceivedOn || null,
        endsOn: v.endsOn || null,
        recommendation: v.recommendation || null,
        policyKey: v.policyKey || undefined,
      }),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: ['audits', org.slug] });
      onDone();
      void navigate({ to: `/o/${org.slug}/audits/${encodeURIComponent(a.ref)}` });
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', title: 'Not created', message: errorMessage(e) });
    },
  });
  const text = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setV({ ...v, [k]: e.currentTarget.value });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Reference"
          placeholder="S2-2026"
          value={v.ref}
          onChange={text('ref')}
          error={errors.ref}
          required
        />
        <Select
          label="Type"
          data={[...auditTypes]}
          value={v.type}
          onChange={(t) => t && setV({ ...v, type: t })}
          allowDeselect={false}
        />
        <TextInput
          label="Certification body"
          value={v.certificationBody}
          onChange={text('certificationBody')}
          error={errors.certificationBody}
          required
        />
        <TextInput label="Lead auditor" value={v.leadAuditor} onChange={text('leadAuditor')} />
        <TextInput
          type="date"
          label="Last day of the audit"
          description="Deadlines count from it under the default policy"
          value={v.endsOn}
          onChange={text('endsOn')}
          error={errors.endsOn}
        />
        <TextInput
          label="Report received on"
          type="date"
          value={v.reportReceivedOn}
          onChange={text('reportReceivedOn')}
          error={errors.reportReceivedOn}
        />
        <Select
          label="Auditor's recommendation"
          data={recommendations.map((r) => ({ value: r, label: recommendationLabel(r) }))}
          clearable
          value={v.recommendation || null}
          onChange={(r) => setV({ ...v, recommendation: r ?? '' })}
        />
        <Select
          label="Deadline policy"
          data={(policies.data ?? []).map((p) => ({ value: p.key, label: p.name }))}
          placeholder="the organisation's default"
          clearable
          value={v.policyKey || null}
          onChange={(p) => setV({ ...v, policyKey: p ?? '' })}
          error={errors.policyKey}
        />
        <Textarea label="Scope" autosize minRows={2} value={v.scope} onChange={text('scope')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create audit
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
